import { ENDPOINTS, methodOf, pathTemplateOf, ROUTES, type RouteName } from '@skillcert/shared/contract';
import request from 'supertest';
import { databaseTargets, startServer, type TestServer } from '../../test/harness';
import { routesOf } from '../../test/fuzz';
import { contractBreach } from './contract-check';

interface Operation {
  operationId: string;
  'x-roles'?: string[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: { properties?: object; type?: string; items?: object } }> }>;
}

const [sqlite] = databaseTargets();

describe('the API contract', () => {
  let server: TestServer;
  let paths: Record<string, Record<string, Operation>>;
  let components: { schemas: Record<string, { properties?: Record<string, unknown> }> };

  beforeAll(async () => {
    server = await startServer(sqlite!, new Date('2026-03-27T02:00:00Z'));
    ({ paths, components } = (await request(server.url).get('/api/docs/openapi.json').expect(200)).body);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('documents every route the server answers, and no other', () => {
    const answered = routesOf(server.app)
      .filter((r) => r.path.startsWith('/api/') && !r.path.startsWith('/api/docs') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`)
      .sort();
    const documented = Object.entries(paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(answered);
    expect(documented).toHaveLength(Object.keys(ROUTES).length);
  });

  it('gives each route its schemas and its roles', () => {
    for (const [name, route] of Object.entries(ROUTES) as [RouteName, (typeof ROUTES)[RouteName]][]) {
      const endpoint = ENDPOINTS[name];
      const path = pathTemplateOf(route);
      const operation = paths[path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[methodOf(route).toLowerCase()];
      expect(operation?.operationId).toBe(name);
      const names = (operation!.parameters ?? []).map((p) => `${p.in}:${p.name}`);
      for (const param of path.match(/:[A-Za-z]+/g) ?? []) expect(names).toContain(`path:${param.slice(1)}`);
      if ('body' in endpoint) expect(operation!.requestBody?.content['application/json']?.schema).toHaveProperty('properties');
      if ('upload' in endpoint) expect(operation!.requestBody?.content['multipart/form-data']).toBeDefined();
      const success = Object.entries(operation!.responses).find(([status]) => status.startsWith('2'));
      expect(success).toBeDefined();
      if (endpoint.response !== null && !('file' in endpoint.response)) expect(success![1].content?.['application/json']?.schema).toBeDefined();
    }
    expect(paths['/api/review/applications/{id}/approve']?.post?.['x-roles']).toEqual(['reviewer', 'admin']);
    expect(paths['/api/plans']?.get?.['x-roles']).toBeUndefined();
  });

  it('names the answers once and refers to them', () => {
    expect(Object.keys(components.schemas)).toEqual(expect.arrayContaining(['ApplicationView', 'ReviewItem', 'BatchView', 'ErrorBody', 'PlanDetail']));
    expect(components.schemas.ReviewItem?.properties).toHaveProperty('candidate');
    expect(paths['/api/review/applications/{id}/approve']?.post?.responses['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ReviewItem',
    });
    expect(paths['/api/applications']?.get?.responses['200']?.content?.['application/json']?.schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/ApplicationView' },
    });
  });

  it('refuses an answer that leaves out a field, adds one, or changes a type', () => {
    const json = (value: unknown) => Buffer.from(JSON.stringify(value));
    const slots = [{ startsAt: '2026-03-30T01:00:00.000Z', date: '2026-03-30', label: '3月30日 09:00', left: 2 }];
    expect(contractBreach('visitSlots', 200, 'application/json', json(slots))).toBeUndefined();
    expect(contractBreach('visitSlots', 200, 'application/json', json([{ ...slots[0], left: undefined }]))).toMatch(/^0\.left/);
    expect(contractBreach('visitSlots', 200, 'application/json', json([{ ...slots[0], booked: true }]))).toMatch(/booked/);
    expect(contractBreach('visitSlots', 200, 'application/json', json([{ ...slots[0], left: '2' }]))).toMatch(/^0\.left/);
    expect(contractBreach('signOut', 200, 'application/json', json({}))).toMatch(/204/);
    expect(contractBreach('ticketPdf', 200, 'application/json', json({}))).toMatch(/file/);
  });
});
