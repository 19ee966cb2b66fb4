import { DataSource } from 'typeorm';
import request from 'supertest';
import { databaseTargets, startServer, type TestServer } from '../../test/harness';
import { PlanEntity } from './plan.entity';

// 2026-03-27 10:00 in Shanghai: a Friday, inside the acceptance point's morning hours.
const NOW = new Date('2026-03-27T02:00:00Z');

describe.each(databaseTargets())('plans API on $name', (target) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(target, NOW);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('health names the database and says it answers', async () => {
    const res = await request(server.url).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { kind: target.name, ok: true } });
    // No version: it helps an attacker, not a probe.
    expect(res.body.database.version).toBeUndefined();
  });

  it('lists both plans with their offered levels and totals in fen', async () => {
    const res = await request(server.url).get('/api/plans').expect(200);
    expect(res.body.map((p: { id: string }) => p.id)).toEqual(['shanghai-2026', 'beijing-2021']);
    expect(res.body[0].levels).toEqual([
      { level: 3, name: '三级/高级工', feeFen: 450_00 },
      { level: 4, name: '四级/中级工', feeFen: 400_00 },
      { level: 5, name: '五级/初级工', feeFen: 350_00 },
    ]);
    expect(res.body[1].levels.map((l: { title: string }) => l.title)).toEqual(['呼叫服务员', '助理呼叫服务师']);
  });

  it('stores the rule packs in the database, Chinese intact, once however often the server starts', async () => {
    const second = await startServer(target, NOW);
    try {
      const db = second.app.get(DataSource);
      const rows = await db.getRepository(PlanEntity).find({ order: { id: 'ASC' } });
      expect(rows.map((r) => r.id)).toEqual(['beijing-2021', 'shanghai-2026']);
      expect(rows[1]?.title).toBe('2026年上海市呼叫中心服务员社会化职业技能评价');
      expect(rows[1]?.pack.payment.bank?.bankName).toBe('中国民生银行股份有限公司上海市东支行');
    } finally {
      await second.close();
    }
  });

  it('shows a plan with whether the acceptance point is open now', async () => {
    const res = await request(server.url).get('/api/plans/shanghai-2026').expect(200);
    expect(res.body.plan.acceptancePoint.address).toBe('上海市虹口区天宝路879号B楼413室');
    expect(res.body.acceptancePoint).toEqual({ open: true, label: '正在办公（至11:00）', verified: true });

    server.clock.set(new Date('2026-10-01T02:00:00Z'));
    const holiday = await request(server.url).get('/api/plans/shanghai-2026').expect(200);
    expect(holiday.body.acceptancePoint).toMatchObject({ open: false, label: '今天是非工作日（国庆节），暂停办公' });
    server.clock.set(NOW);
  });

  it('an unknown plan is a coded 404 with a Chinese message', async () => {
    const res = await request(server.url).get('/api/plans/nowhere-2030').expect(404);
    expect(res.body).toEqual({ code: 'PLAN_NOT_FOUND', message: '未找到该认定计划' });
  });

  it('checks eligibility on the server: level 4 by clause (3), dated today in Shanghai', async () => {
    const res = await request(server.url)
      .post('/api/plans/shanghai-2026/eligibility')
      .send({ level: 4, facts: { birthDate: '2009-05-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] } })
      .expect(200);
    expect(res.body).toMatchObject({ eligible: true, satisfied: ['4.3'], reasons: [], on: '2026-03-27', age: 16 });
  });

  it('says what is missing when no clause holds', async () => {
    const res = await request(server.url)
      .post('/api/plans/beijing-2021/eligibility')
      .send({ level: 4, on: '2021-06-01', facts: { birthDate: '1995-01-01', work: [{ from: '2021-01-01', occupation: 'same' }] } })
      .expect(200);
    expect(res.body.eligible).toBe(false);
    expect(res.body.reasons[0]).toBe('可通过：连续从事本职业工作满1年（目前最长连续152天，还差213天）');
  });

  it('rejects a bad request with per-field Chinese messages', async () => {
    const res = await request(server.url)
      .post('/api/plans/shanghai-2026/eligibility')
      .send({ level: 9, facts: { birthDate: '2009-13-01' } })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.issues).toEqual(
      expect.arrayContaining([
        { path: 'level', message: '等级应为一级至五级' },
        { path: 'facts.birthDate', message: '日期格式不正确，应为 年-月-日（如 2026-03-27）' },
      ]),
    );
  });

  it('rejects malformed JSON with a coded error', async () => {
    const res = await request(server.url).post('/api/plans/shanghai-2026/eligibility').set('Content-Type', 'application/json').send('{"level": 4,').expect(400);
    expect(res.body).toEqual({ code: 'VALIDATION_FAILED', message: '请求内容不是有效的 JSON' });
  });

  it('answers the application window for a level and date', async () => {
    const january = await request(server.url).get('/api/plans/shanghai-2026/window').query({ level: 4, on: '2026-01-15' }).expect(200);
    expect(january.body).toMatchObject({ open: false, nextOpensOn: '2026-02-01' });
    const today = await request(server.url).get('/api/plans/shanghai-2026/window').query({ level: 4 }).expect(200);
    expect(today.body).toMatchObject({ open: true, on: '2026-03-27', closesOn: '2026-03-31', assessBy: '2026-04-30' });
    const bad = await request(server.url).get('/api/plans/shanghai-2026/window').query({ level: 'x' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('serves the OpenAPI document generated from the shared schemas', async () => {
    const res = await request(server.url).get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/plans', '/api/plans/{id}/eligibility', '/api/plans/{id}/window', '/api/health']));
    const body = res.body.paths['/api/plans/{id}/eligibility'].post.requestBody.content['application/json'].schema;
    expect(body.properties.facts.properties.work).toBeDefined();
  });

  it('an unknown API route is a coded 404', async () => {
    const res = await request(server.url).get('/api/nothing-here').expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: '未找到请求的内容' });
  });
});
