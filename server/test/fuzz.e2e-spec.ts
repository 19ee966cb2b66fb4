import request from 'supertest';
import { aCandidate, as, aStaffMember, databaseTargets, startServer, type TestServer } from './harness';
import { fuzzRequest, generator, routesOf, sendAll, type Answer, type FuzzRequest } from './fuzz';

/**
 * Thousands of malformed requests over every route the router has, as each kind
 * of caller: none may answer 500 or more, and none may leave an error in the log.
 * `npm run fuzz` sends more (FUZZ_REQUESTS) and prints the counts by status.
 */
const NOW = new Date('2026-03-10T02:00:00Z');
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const FINAL_YEAR = { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };

describe.each(databaseTargets())('malformed requests over every route, on $name', (target) => {
  let server: TestServer;
  const tokens: Record<string, string | undefined> = { anonymous: undefined };
  const ids: string[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    server = await startServer(
      target,
      NOW,
      { ADMIN_USERNAME: 'fuzz.admin', ADMIN_PASSWORD: 'fuzz-admin-password', LOGIN_ATTEMPTS_PER_ADDRESS: '100000' },
      { captureLogs: (line) => logs.push(line) },
    );
    const admin = (await request(server.url).post('/api/staff/login').send({ username: 'fuzz.admin', password: 'fuzz-admin-password' }).expect(200)).body.token;
    tokens.staff = await aStaffMember(server, admin, 'fuzz.staff', '全能', ['admin', 'reviewer', 'finance', 'proctor']);
    await as(server, admin)
      .post('/api/staff/accounts', {
        username: 'fuzz.school',
        displayName: '王老师',
        password: 'fuzz-school-2026',
        kind: 'institution',
        institutionName: '某学校',
      })
      .expect(201);
    tokens.institution = (
      await request(server.url).post('/api/staff/login').send({ username: 'fuzz.school', password: 'fuzz-school-2026' }).expect(200)
    ).body.token;
    const session = await as(server, admin)
      .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-03-27', site: '天宝路879号', levels: [4], capacity: 5 })
      .expect(201);
    const candidate = await aCandidate(server, 'fuzz-candidate');
    tokens.candidate = candidate.token;
    const applied = await as(server, candidate.token)
      .post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...candidate.proof })
      .expect(201);
    const batch = await as(server, tokens.institution as string)
      .post('/api/institution/batches', { planId: 'shanghai-2026', level: 4, name: '一班' })
      .expect(201);
    ids.push(session.body.id, applied.body.id, batch.body.id, ...candidate.proof.materials.flatMap((m) => m.fileIds), 'shanghai-2026', 'beijing-2021');
  });

  afterAll(async () => {
    await server?.close();
  });

  it(`${REQUESTS} malformed requests over every route and role: no answer of 500 or more, no error logged`, async () => {
    const routes = routesOf(server.app).filter((r) => r.path.startsWith('/api/') && !r.path.startsWith('/api/docs') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(80);
    const random = generator(SEED);
    const roles = Object.keys(tokens);
    const requests: FuzzRequest[] = [];
    for (let i = 0; requests.length < REQUESTS; i++) {
      const route = routes[i % routes.length]!;
      const role = roles[Math.floor(i / routes.length) % roles.length]!;
      // Signing out or refreshing would end the token the other requests use.
      if (tokens[role] && /\/api\/auth\/(logout|refresh)$/.test(route.path)) continue;
      requests.push(fuzzRequest(random, route, role, tokens[role], ids));
    }
    const answers = await sendAll(server.url, requests);
    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    process.stdout.write(
      `fuzz on ${target.name}: ${answers.length} requests over ${routes.length} routes × ${roles.length} roles; by status ${JSON.stringify(Object.fromEntries([...byStatus].sort((a, b) => a[0] - b[0])))}\n`,
    );
    const failed = answers.filter((a) => a.status >= 500 || a.status === 0);
    const describe = (a: Answer) =>
      `${a.status} ${a.request.role} ${a.request.method} ${a.request.path.slice(0, 120)} ${JSON.stringify(a.request.headers).slice(0, 200)} ${a.request.body?.toString('utf8').slice(0, 200) ?? ''} → ${a.body.slice(0, 200)}`;
    expect(failed.map(describe)).toEqual([]);
    const errors = logs.filter((line) => line.startsWith('{"level":"error"'));
    expect(errors.map((line) => line.slice(0, 600))).toEqual([]);
  });
});
