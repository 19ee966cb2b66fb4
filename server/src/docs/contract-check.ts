import { answerBreach, ENDPOINTS, ROUTES, type RouteName } from '@skillcert/shared/contract';
import type { NextFunction, Request, Response } from 'express';
import { gunzipSync } from 'node:zlib';

const NAME_OF_ROUTE = new Map<string, RouteName>(Object.entries(ROUTES).map(([name, route]) => [route, name as RouteName]));

/** The contract's name for the route Express matched, if it has one. */
export function routeNameOf(method: string, expressPath: string): RouteName | undefined {
  return NAME_OF_ROUTE.get(`${method} ${expressPath}`);
}

/** What is wrong with a successful answer by the contract, or nothing. */
export function contractBreach(name: RouteName, status: number, contentType: string, body: Buffer | undefined): string | undefined {
  const expected = ENDPOINTS[name].response;
  if (expected === null) return status === 204 && !body?.length ? undefined : `expected 204 without a body, sent ${status}`;
  if ('file' in expected) return contentType.startsWith('application/json') ? 'expected a file, sent JSON' : undefined;
  if (!contentType.startsWith('application/json')) return `expected JSON, sent ${contentType || 'no content type'}`;
  let value: unknown;
  try {
    value = JSON.parse(body?.toString('utf8') ?? '');
  } catch {
    return 'the body is not JSON';
  }
  return answerBreach(name, value);
}

type End = Response['end'];

/**
 * Tests only (the harness turns it on): every 2xx answer is checked against the route's schema at the
 * moment it is sent — whatever sent it, Nest or a handler writing its own bytes. A breach becomes a 500
 * naming the route and the field, so a test that expected 200 fails on the spot instead of the app later.
 * A route missing from the contract fails the same way (the API's own map, /api/docs, is not a route of it).
 */
export function answersFollowTheContract() {
  return (req: Request, res: Response, next: NextFunction) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const checkedEnd = (...args: unknown[]): Response => {
      res.end = end as End;
      const routePath = (req.route as { path?: unknown } | undefined)?.path;
      if (res.statusCode < 200 || res.statusCode >= 300 || typeof routePath !== 'string' || req.method === 'HEAD' || routePath.startsWith('/api/docs'))
        return end(...args);
      const name = routeNameOf(req.method, routePath);
      const chunk = args[0];
      let body = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : undefined;
      if (body && res.getHeader('Content-Encoding') === 'gzip') body = gunzipSync(body);
      const breach = name ? contractBreach(name, res.statusCode, String(res.getHeader('Content-Type') ?? ''), body) : 'the route is not in the contract';
      if (!breach) return end(...args);
      const message = `${req.method} ${routePath} answered outside its contract: ${breach}`;
      process.stderr.write(`[contract] ${message}\n`);
      const answer = Buffer.from(JSON.stringify({ code: 'INTERNAL_ERROR', message }));
      res.statusCode = 500;
      res.removeHeader('Content-Encoding');
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Length', answer.length);
      return end(answer);
    };
    res.end = checkedEnd as End;
    next();
  };
}
