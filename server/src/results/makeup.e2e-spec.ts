import { anExamBody } from '../../test/exam-body';
import { as, databaseTargets, type TestServer } from '../../test/harness';
import { aPaidCandidate } from '../../test/paid-candidate';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { join } from 'node:path';
import type { Plan } from '@skillcert/shared';

/** Next year's notice: this year's, as the body would publish it again. */
const NOTICE_2027 = readFileSync(join(__dirname, '../../../shared/sources/shanghai-2026.txt'), 'utf8').replaceAll('2026', '2027');

const NOW = new Date('2026-03-10T02:00:00Z');
const FIRST_SITTING = new Date('2026-03-27T00:30:00Z');
const FIRST_RESULTS = new Date('2026-04-02T02:00:00Z');
const MAKEUP_SITTING = new Date('2026-04-24T00:30:00Z');
const MAKEUP_RESULTS = new Date('2026-04-28T02:00:00Z');
const FINAL_YEAR = { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };

describe.each(databaseTargets())('make-up (补考) on $name', (target) => {
  let server: TestServer;
  let admin: string;
  let proctor: string;
  let publisher: string;

  beforeAll(async () => {
    ({ server, admin, proctor, publisher } = await anExamBody(target, NOW, { prefix: 'makeup', session: false }));
  });

  afterAll(async () => {
    await server?.close();
  });

  /** Sits the candidate's session (wherever the approval seated them), with these marks, published by a second admin. */
  async function sit(c: { token: string; id: string }, at: Date, scores: Record<string, string>, resultsAt: Date) {
    const sessionId = (await as(server, c.token).get(`/api/applications/${c.id}`).expect(200)).body.seat.sessionId as string;
    server.clock.set(at);
    const ticket = (await as(server, c.token).get(`/api/applications/${c.id}/ticket`).expect(200)).body;
    await as(server, proctor).post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo: ticket.ticketNo }).expect(200);
    server.clock.set(resultsAt);
    await as(server, proctor).put(`/api/results/sessions/${sessionId}/candidates/${c.id}`, { scores }).expect(200);
    await as(server, publisher).post(`/api/results/sessions/${sessionId}/publish`).expect(200);
    return ticket;
  }

  it('a failed practical is made up alone — reviewed, paid at its own fee, sat, passed — and the level is complete', async () => {
    await as(server, admin)
      .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-03-27', site: '天宝路879号B楼', levels: [4], capacity: 5 })
      .expect(201);
    const chen = await aPaidCandidate(server, admin, 'makeup-chen', '陈同学');
    try {
      await sit(chen, FIRST_SITTING, { theory: '75', practical: '52' }, FIRST_RESULTS);
      const assessed = (await as(server, chen.token).get(`/api/applications/${chen.id}`).expect(200)).body;
      expect(assessed.result).toMatchObject({ passed: false, validThrough: '2028-03-26' });
      expect(assessed.makeup).toEqual({ allowed: true, subjects: ['practical'], fee: 30000, validThrough: '2028-03-26', planId: 'shanghai-2026' });

      // Applying again in full would give up the passed theory: refused until confirmed.
      const full = await as(server, chen.token)
        .post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...chen.proof })
        .expect(409);
      expect(full.body.code).toBe('MAKEUP_FORFEIT_UNCONFIRMED');
      expect(full.body.message).toContain('视为放弃补考机会');

      const makeup = (await as(server, chen.token).post(`/api/applications/${chen.id}/makeup`).expect(201)).body;
      expect(makeup).toMatchObject({ state: 'submitted', makeupOf: chen.id, subjects: ['practical'], feeFen: 30000 });
      expect((await as(server, chen.token).post(`/api/applications/${chen.id}/makeup`).expect(409)).body).toEqual({
        code: 'MAKEUP_ALREADY_APPLIED',
        message: '已申请过补考，请在补考申请中查看进度',
      });
      expect((await as(server, chen.token).get(`/api/applications/${chen.id}`).expect(200)).body.makeup).toBeUndefined();

      // Reviewed and seated in the make-up session; the order is for the practical's fee only.
      await as(server, admin)
        .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-04-24', site: '天宝路879号C楼', levels: [4], capacity: 5 })
        .expect(201);
      await as(server, admin).post(`/api/review/applications/${makeup.id}/approve`, {}).expect(200);
      const order = (await as(server, chen.token).post(`/api/applications/${makeup.id}/payments/wechat`).expect(200)).body;
      expect(order.amountFen).toBe(30000);
      expect(server.wechat.pay.orders.get(order.outTradeNo)?.amount.total).toBe(30000);
      await server.wechat.pay.pay(order.outTradeNo);

      const ticket = await sit({ token: chen.token, id: makeup.id }, MAKEUP_SITTING, { practical: '70' }, MAKEUP_RESULTS);
      expect(ticket.subjects.map((s: { kind: string }) => s.kind)).toEqual(['practical']);
      const done = (await as(server, chen.token).get(`/api/applications/${makeup.id}`).expect(200)).body;
      expect(done).toMatchObject({
        state: 'certified',
        result: {
          passed: true,
          // Validity runs from the first sitting, not the make-up.
          validThrough: '2028-03-26',
          subjects: [
            { kind: 'theory', score: 75, passed: true },
            { kind: 'practical', score: 70, passed: true },
          ],
        },
        certificate: { holderName: '陈同学', status: 'valid' },
      });
    } finally {
      server.clock.set(NOW);
    }
  });

  it('nothing to make up when every subject failed: the candidate is told to apply again', async () => {
    await as(server, admin)
      .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-03-27', site: '天宝路879号D楼', levels: [4], capacity: 5 })
      .expect(201);
    server.clock.set(NOW);
    // The day before the first test's session (whose results are out): the first seat with room.
    await as(server, admin)
      .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-03-26', site: '天宝路879号D楼', levels: [4], capacity: 5 })
      .expect(201);
    const wang = await aPaidCandidate(server, admin, 'makeup-wang', '王同学');
    try {
      await sit(wang, new Date('2026-03-26T00:30:00Z'), { theory: '40', practical: '30' }, FIRST_RESULTS);
      const view = (await as(server, wang.token).get(`/api/applications/${wang.id}`).expect(200)).body;
      expect(view.makeup).toMatchObject({ allowed: false, reason: '全部科目均不合格，没有可保留的合格成绩，请重新申报' });
      expect((await as(server, wang.token).post(`/api/applications/${wang.id}/makeup`).expect(409)).body.message).toBe(
        '全部科目均不合格，没有可保留的合格成绩，请重新申报',
      );
    } finally {
      server.clock.set(NOW);
    }
  });

  it('a December sitting’s failed subject is made up under next year’s plan, at its fee and in its sessions', async () => {
    const DECEMBER = new Date('2026-12-01T02:00:00Z');
    const FEBRUARY = new Date('2027-02-03T02:00:00Z');
    // Months later: everyone signs in again.
    const signInAll = async () => {
      const signIn = async (username: string, password: string) =>
        (await request(server.url).post('/api/staff/login').send({ username, password }).expect(200)).body.token as string;
      admin = await signIn('makeup.admin', 'makeup-admin-password');
      proctor = await signIn('makeup.proctor', 'makeup.proctor-pass-2026');
      publisher = await signIn('makeup.publisher', 'makeup.publisher-pass-2026');
    };
    server.clock.set(DECEMBER);
    await signInAll();
    await as(server, admin)
      .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-12-19', site: '天宝路879号E楼', levels: [4], capacity: 5 })
      .expect(201);
    const zhao = await aPaidCandidate(server, admin, 'makeup-zhao', '赵同学');
    try {
      await sit(zhao, new Date('2026-12-19T00:30:00Z'), { theory: '80', practical: '50' }, new Date('2026-12-28T02:00:00Z'));
      server.clock.set(FEBRUARY);
      await signInAll();
      zhao.token = (
        await request(server.url)
          .post('/api/auth/wechat')
          .send({ code: server.wechat.issueLoginCode('makeup-zhao') })
          .expect(200)
      ).body.token;
      // 2026's plan takes nothing in 2027, and 2027's is not out yet: said, not offered.
      expect((await as(server, zhao.token).get(`/api/applications/${zhao.id}`).expect(200)).body.makeup).toMatchObject({
        allowed: false,
        reason: '当前不受理呼叫中心服务员补考申请，评价机构发布下一期计划后即可申请',
      });

      // The body publishes 2027 (its practical now ¥320), with the year's days off.
      const staff = as(server, admin);
      const draft = (await staff.post('/api/staff/plans', { from: 'shanghai-2026', id: 'shanghai-2027' }).expect(201)).body.plan as Plan;
      const plan2027: Plan = {
        ...draft,
        year: 2027,
        levels: draft.levels.map((l) =>
          l.level === 4 ? { ...l, subjects: l.subjects.map((s) => (s.kind === 'practical' ? { ...s, feeFen: 320_00 } : s)) } : l,
        ),
      };
      await staff.put('/api/staff/plans/shanghai-2027', { plan: plan2027 }).expect(200);
      await staff.put('/api/staff/plans/shanghai-2027/notice', { text: NOTICE_2027 }).expect(200);
      await staff.put('/api/staff/calendar/2027', { holidays: [{ date: '2027-01-01', name: '元旦' }] }).expect(200);
      await staff.post('/api/staff/plans/shanghai-2027/publish').expect(200);

      const assessed = (await as(server, zhao.token).get(`/api/applications/${zhao.id}`).expect(200)).body;
      expect(assessed.makeup).toMatchObject({ allowed: true, planId: 'shanghai-2027', subjects: ['practical'], fee: 320_00 });
      const makeup = (await as(server, zhao.token).post(`/api/applications/${zhao.id}/makeup`).expect(201)).body;
      expect(makeup).toMatchObject({ planId: 'shanghai-2027', makeupOf: zhao.id, subjects: ['practical'], feeFen: 320_00 });

      const session2027 = (
        await staff.post('/api/sessions', { planId: 'shanghai-2027', date: '2027-03-13', site: '天宝路879号F楼', levels: [4], capacity: 5 }).expect(201)
      ).body;
      await staff.post(`/api/review/applications/${makeup.id}/approve`, {}).expect(200);
      expect((await as(server, zhao.token).get(`/api/applications/${makeup.id}`).expect(200)).body.seat).toMatchObject({
        sessionId: session2027.id,
        date: '2027-03-13',
      });
    } finally {
      server.clock.set(NOW);
    }
  });
});
