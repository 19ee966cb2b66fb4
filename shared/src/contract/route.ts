export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** One route, written as it is read: its method, a space, its Express-style path ('GET /api/plans/:id', `:id` a parameter). */
export type Route = `${Method} /api/${string}`;

export function methodOf(route: Route): Method {
  return route.slice(0, route.indexOf(' ')) as Method;
}

export function pathTemplateOf(route: Route): string {
  return route.slice(route.indexOf(' ') + 1);
}
export type RouteTable = Record<string, Route>;

/** A path with its parameters filled in, each encoded. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`${template} needs ${key}`);
    return encodeURIComponent(value);
  });
}
