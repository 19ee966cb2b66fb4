import { anExamBody } from '../../test/exam-body';
import { as, databaseTargets, type TestServer } from '../../test/harness';
import { aPaidCandidate } from '../../test/paid-candidate';

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
      expect(assessed.makeup).toEqual({ allowed: true, subjects: ['practical'], fee: 30000, validThrough: '2028-03-26' });

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
});
