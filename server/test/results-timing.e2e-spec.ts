import { anExamBody } from './exam-body';
import { aCandidate, as, databaseTargets, type TestServer } from './harness';
import { aPaidCandidate } from './paid-candidate';

const NOW = new Date('2026-03-10T02:00:00Z');
/** 27 March, 15:00 in Shanghai: the session is under way (Shanghai states no subject lengths, so it lasts the day). */
const EXAM_AFTERNOON = new Date('2026-03-27T07:00:00Z');
/** 28 March, 00:00 in Shanghai. */
const DAY_AFTER = new Date('2026-03-27T16:00:00Z');
const FINAL_YEAR = { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };

describe.each(databaseTargets())('results only after the exam, seats only before it, on $name', (target) => {
  let server: TestServer;
  let admin: string;
  let publisher: string;
  let sessionId: string;

  beforeAll(async () => {
    ({ server, admin, publisher, sessionId } = await anExamBody(target, NOW, { prefix: 'timing' }));
  });

  afterAll(async () => {
    await server?.close();
  });

  const stateOf = async (token: string, id: string) => (await as(server, token).get(`/api/applications/${id}`).expect(200)).body.state as string;

  it('the seat allocator skips a session that has started: the approval waits for a later one', async () => {
    server.clock.set(NOW);
    const later = await as(server, admin)
      .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-04-24', site: '天宝路879号B楼', levels: [4], capacity: 10 })
      .expect(201);
    // Applied on 10 March, approved on the exam's afternoon: 27 March has started, 24 April is the next that serves it.
    const wang = await aCandidate(server, 'timing-wang', undefined, '王同学');
    const applied = await as(server, wang.token)
      .post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...wang.proof })
      .expect(201);
    server.clock.set(EXAM_AFTERNOON);
    const approved = await as(server, admin).post(`/api/review/applications/${applied.body.id}/approve`, {}).expect(200);
    expect(approved.body.seat).toMatchObject({ sessionId: later.body.id, date: '2026-04-24' });
  });

  it('publishing before the last subject ends is refused and changes nothing; from its end it goes through', async () => {
    server.clock.set(NOW);
    const chen = await aPaidCandidate(server, admin, 'timing-chen', '陈同学');
    server.clock.set(EXAM_AFTERNOON);
    const early = await as(server, publisher).post(`/api/results/sessions/${sessionId}/publish`).expect(409);
    expect(early.body).toEqual({ code: 'RESULTS_TOO_EARLY', message: '考核尚未结束，2026年3月28日 00:00起可发布成绩' });
    expect(await stateOf(chen.token, chen.id)).toBe('paid');
    expect((await as(server, publisher).get(`/api/results/sessions/${sessionId}`).expect(200)).body.published).toBeUndefined();

    server.clock.set(DAY_AFTER);
    await as(server, publisher).post(`/api/results/sessions/${sessionId}/publish`).expect(200);
    expect(await stateOf(chen.token, chen.id)).toBe('absent');
  });
});
