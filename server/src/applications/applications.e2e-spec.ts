import request from 'supertest';
import { aCandidate, databaseTargets, startServer, type Proof, type TestServer } from '../../test/harness';

// 2026-03-10 10:00 in Shanghai: the March window is open.
const NOW = new Date('2026-03-10T02:00:00Z');
const FINAL_YEAR_STUDENT = { diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };

describe.each(databaseTargets())('individual applications on $name', (target) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(target, NOW);
  });

  afterAll(async () => {
    await server?.close();
  });

  const proofs = new Map<string, Proof>();
  const candidate = async (persona: string, birth?: string) => {
    const { token, proof } = await aCandidate(server, persona, birth);
    proofs.set(token, proof);
    return token;
  };

  /** Applies with the candidate's uploaded proof unless the body says otherwise. */
  const apply = (token: string, body: Record<string, unknown>) =>
    request(server.url)
      .post('/api/applications')
      .set('Authorization', `Bearer ${token}`)
      .send({ ...proofs.get(token), ...body });

  it('a final-year student applies for level 4: re-checked on the server, under review, with a timeline', async () => {
    const token = await candidate('student-1');
    const res = await apply(token, { planId: 'shanghai-2026', level: 4, facts: { birthDate: '2008-09-01', ...FINAL_YEAR_STUDENT } }).expect(201);
    expect(res.body).toMatchObject({
      planId: 'shanghai-2026',
      level: 4,
      channel: 'individual',
      state: 'submitted',
      stateLabel: '审核中',
      appliedOn: '2026-03-10',
      assessBy: '2026-04-30',
      eligibility: { eligible: true, satisfied: ['4.3'] },
    });
    expect(res.body.timeline).toEqual([{ from: 'draft', to: 'submitted', label: '审核中', at: NOW.toISOString(), by: 'candidate' }]);
    const mine = await request(server.url).get('/api/applications').set('Authorization', `Bearer ${token}`).expect(200);
    expect(mine.body.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
  });

  it('one live application per person and level, even when two taps race; a withdrawn one frees the level', async () => {
    const token = await candidate('student-2');
    const body = { planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR_STUDENT };
    const [a, b] = await Promise.all([
      apply(token, { ...body, facts: { birthDate: '2008-09-01', ...FINAL_YEAR_STUDENT } }),
      apply(token, { ...body, facts: { birthDate: '2008-09-01', ...FINAL_YEAR_STUDENT } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body).toEqual({ code: 'APPLICATION_ACTIVE_EXISTS', message: '您已有一份该职业该等级的报名正在办理中，请勿重复申报' });

    const live = a.status === 201 ? a : b;
    const withdrawn = await request(server.url).post(`/api/applications/${live.body.id}/withdraw`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(withdrawn.body.state).toBe('withdrawn');
    expect(withdrawn.body.timeline.map((e: { label: string }) => e.label)).toEqual(['审核中', '已撤回']);
    const again = await request(server.url).post(`/api/applications/${live.body.id}/withdraw`).set('Authorization', `Bearer ${token}`).expect(409);
    expect(again.body).toEqual({ code: 'TRANSITION_NOT_ALLOWED', message: '当前状态为“已撤回”，不能变更为“已撤回”' });

    await apply(token, { ...body, facts: { birthDate: '2008-09-01', ...FINAL_YEAR_STUDENT } }).expect(201);
  });

  it('refuses when no clause holds, saying what is missing', async () => {
    const token = await candidate('student-3');
    const res = await apply(token, { planId: 'shanghai-2026', level: 3, facts: { birthDate: '2008-09-01', ...FINAL_YEAR_STUDENT } }).expect(422);
    expect(res.body.code).toBe('NOT_ELIGIBLE');
    expect(res.body.message).toMatch(/^暂不符合申报条件。可通过：累计从事本职业或相关职业工作满10年/);
    expect(res.body.issues.length).toBeGreaterThan(0);
  });

  it('age comes from the ID card, not from what was typed', async () => {
    const token = await candidate('too-young', '20110101');
    const res = await apply(token, { planId: 'shanghai-2026', level: 4, facts: { birthDate: '1990-01-01', ...FINAL_YEAR_STUDENT } }).expect(422);
    expect(res.body.message).toBe('暂不符合申报条件。须年满16周岁：按出生日期，您将于2027年1月1日年满16周岁');
  });

  it('in January the window is closed, and the message says when it opens', async () => {
    const token = await candidate('january');
    server.clock.set(new Date('2026-01-15T02:00:00Z'));
    try {
      const res = await apply(token, { planId: 'shanghai-2026', level: 4, facts: { birthDate: '2008-09-01', ...FINAL_YEAR_STUDENT } }).expect(409);
      expect(res.body).toEqual({ code: 'APPLICATION_WINDOW_CLOSED', message: '当前不在申报时间内，2026年2月1日起可申报' });
    } finally {
      server.clock.set(NOW);
    }
  });

  it('needs the real-name profile first, and keeps each person to their own applications', async () => {
    const { body } = await request(server.url)
      .post('/api/auth/wechat')
      .send({ code: server.wechat.issueLoginCode('anonymous') })
      .expect(200);
    const res = await apply(body.token, { planId: 'shanghai-2026', level: 4, facts: { birthDate: '2008-09-01', ...FINAL_YEAR_STUDENT } }).expect(409);
    expect(res.body.code).toBe('PROFILE_INCOMPLETE');

    const owner = await candidate('owner');
    const mine = await apply(owner, { planId: 'shanghai-2026', level: 5, facts: { birthDate: '2008-09-01', intendsToWork: true } }).expect(201);
    const stranger = await candidate('stranger');
    await request(server.url).get(`/api/applications/${mine.body.id}`).set('Authorization', `Bearer ${stranger}`).expect(404);
    await request(server.url).post(`/api/applications/${mine.body.id}/withdraw`).set('Authorization', `Bearer ${stranger}`).expect(404);
  });
});
