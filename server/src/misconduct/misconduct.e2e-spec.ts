import { MISCONDUCT_ACTS } from '@skillcert/shared';
import { anExamBody } from '../../test/exam-body';
import { as, databaseTargets, type TestServer } from '../../test/harness';
import { aPaidCandidate } from '../../test/paid-candidate';

/** The 须知's acts, as the proctor picks them (quoted in full, so named here once). */
const LEFT_SEAT = MISCONDUCT_ACTS[2].acts[1]!;
const DEVICE = MISCONDUCT_ACTS[3].acts[0]!;
const IMPERSONATION = MISCONDUCT_ACTS[4].acts[3]!;
const COLLUSION = MISCONDUCT_ACTS[4].acts[4]!;
const FORGED = MISCONDUCT_ACTS[1].acts[1]!;
const NOT_ELIGIBLE = MISCONDUCT_ACTS[1].acts[0]!;
const COPYING = MISCONDUCT_ACTS[3].acts[1]!;

const NOW = new Date('2026-03-10T02:00:00Z');
/** Friday 27 March 2026, 08:30 in Shanghai: the sitting. */
const EXAM_MORNING = new Date('2026-03-27T00:30:00Z');
const BEIJING_APPLICATION = {
  planId: 'beijing-2021',
  level: 4,
  facts: { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] },
};

describe.each(databaseTargets())('misconduct, article by article, on $name', (target) => {
  let server: TestServer;
  let admin: string;
  let proctor: string;
  let sessionId: string;

  beforeAll(async () => {
    ({ server, admin, proctor, sessionId } = await anExamBody(target, NOW, {
      prefix: 'rules',
      session: { date: '2026-03-27', site: '天宝路879号B楼', levels: [4], capacity: 20 },
    }));
  });

  afterAll(async () => {
    await server?.close();
  });

  /** A paid candidate; `checkIn`: in the room on exam morning (the clock is left there). */
  async function seated(persona: string, name: string, checkIn = true) {
    server.clock.set(NOW);
    const candidate = await aPaidCandidate(server, admin, persona, name);
    server.clock.set(EXAM_MORNING);
    if (checkIn) {
      const { ticketNo } = (await as(server, candidate.token).get(`/api/applications/${candidate.id}/ticket`).expect(200)).body;
      await as(server, proctor).post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo }).expect(200);
    }
    return candidate;
  }
  const record = (body: object, token = proctor) => as(server, token).post('/api/misconduct', body);
  const marksOf = async (applicationId: string) =>
    (
      (await as(server, admin).get(`/api/results/sessions/${sessionId}`).expect(200)).body.candidates as {
        applicationId: string;
        subjects: { kind: string; note?: string }[];
      }[]
    ).find((c) => c.applicationId === applicationId)!.subjects;
  const applyInBeijing = (token: string) => as(server, token).post('/api/applications', BEIJING_APPLICATION);

  afterEach(() => server.clock.set(NOW));

  it('article 2: that subject’s score cancelled for this sitting, no ban', async () => {
    const chen = await seated('mis-2', '陈同学');
    const recorded = await record({
      applicationId: chen.id,
      article: 2,
      act: LEFT_SEAT,
      subject: 'practical',
      note: '考试开始后40分钟擅自离座，经提醒拒不返回',
    }).expect(201);
    expect(recorded.body).toMatchObject({ article: 2, subject: 'practical', penalty: '取消当次该科目成绩', recordedBy: '吴监考', occurredOn: '2026-03-27' });
    expect(recorded.body.bannedThrough).toBeUndefined();
    // A score typed later does not overwrite the decision.
    await as(server, admin)
      .put(`/api/results/sessions/${sessionId}/candidates/${chen.id}`, { scores: { theory: '80', practical: '90' } })
      .expect(200);
    expect(await marksOf(chen.id)).toEqual([
      expect.objectContaining({ kind: 'theory', score: 80, passed: true }),
      expect.objectContaining({ kind: 'practical', passed: false, note: `成绩取消：第二条：${LEFT_SEAT}` }),
    ]);
    expect((await applyInBeijing(chen.token)).body.code).not.toBe('APPLICANT_BANNED');
    const timeline = (await as(server, chen.token).get(`/api/applications/${chen.id}`).expect(200)).body.timeline;
    expect(timeline.at(-1)).toMatchObject({ by: 'staff', note: `违纪记录（第二条：${LEFT_SEAT}）：取消当次该科目成绩` });
  });

  it('article 3: every subject cancelled, no evaluation through 31 December — on any body’s plan', async () => {
    const wang = await seated('mis-3', '王同学');
    const recorded = await record({ applicationId: wang.id, article: 3, act: DEVICE, note: '理论考试中使用手机查阅资料' }).expect(201);
    expect(recorded.body).toMatchObject({ bannedThrough: '2026-12-31', penalty: '取消当次全部科目成绩，当年不得参加评价' });
    expect((await marksOf(wang.id)).map((s) => s.note)).toEqual([`成绩取消：第三条：${DEVICE}`, `成绩取消：第三条：${DEVICE}`]);
    const refused = await applyInBeijing(wang.token).expect(403);
    expect(refused.body).toEqual({ code: 'APPLICANT_BANNED', message: '因违反参评纪律，2026年12月31日前（含）不得参加评价' });
    // Said at the entrance of the form too, before anything is filled in.
    expect((await as(server, wang.token).get('/api/applications/standing').expect(200)).body).toEqual({
      bannedThrough: '2026-12-31',
      message: '因违反参评纪律，2026年12月31日前（含）不得参加评价',
    });
    // Nor is a make-up a way round it.
    expect((await as(server, wang.token).post(`/api/applications/${wang.id}/makeup`).expect(403)).body.code).toBe('APPLICANT_BANNED');
    // On 1 January the ban is over.
    server.clock.set(new Date('2026-12-31T16:00:00Z'));
    expect((await applyInBeijing(wang.token)).body.code).not.toBe('APPLICANT_BANNED');
  });

  it('article 4: minor → two years, serious → five years and referral, through the day before the anniversary', async () => {
    const li = await seated('mis-4a', '李同学');
    const zhao = await seated('mis-4b', '赵同学');
    const missingSeverity = await record({ applicationId: li.id, article: 4, act: IMPERSONATION, note: '替考者持他人证件入场' }).expect(400);
    expect(missingSeverity.body.message).toContain('第四条违纪须注明情节轻微或严重');
    expect(
      (await record({ applicationId: li.id, article: 4, act: IMPERSONATION, severity: 'minor', note: '替考者持他人证件入场' }).expect(201)).body,
    ).toMatchObject({
      bannedThrough: '2028-03-26',
    });
    const serious = await record({ applicationId: zhao.id, article: 4, act: COLLUSION, severity: 'serious', note: '组织多人传递答案' }).expect(201);
    expect(serious.body).toMatchObject({ bannedThrough: '2031-03-26', penalty: expect.stringContaining('移送有关部门') });
    expect((await applyInBeijing(li.token).expect(403)).body.message).toBe('因违反参评纪律，2028年3月26日前（含）不得参加评价');
    expect((await applyInBeijing(zhao.token).expect(403)).body.message).toBe('因违反参评纪律，2031年3月26日前（含）不得参加评价');
  });

  it('article 1: before the sitting the application is cancelled (fee kept); after it, also a ban as article 4(1)', async () => {
    const sun = await seated('mis-1a', '孙同学', false);
    const before = await record({ applicationId: sun.id, article: 1, act: FORGED, note: '在读证明系伪造' }, admin).expect(201);
    expect(before.body.bannedThrough).toBeUndefined();
    const view = (await as(server, sun.token).get(`/api/applications/${sun.id}`).expect(200)).body;
    expect(view).toMatchObject({ state: 'cancelled', payment: { channel: 'wechat' } });
    expect(view.payment.refund).toBeUndefined();
    expect(view.seat).toBeUndefined();

    const zhou = await seated('mis-1b', '周同学');
    // After the sitting it is also article 4(1): 2 years or 5, which staff must decide.
    const undecided = await record({ applicationId: zhou.id, article: 1, act: NOT_ELIGIBLE, note: '考后核查发现学历不符' }, admin).expect(400);
    expect(undecided.body.code).toBe('MISCONDUCT_SEVERITY_REQUIRED');
    const after = await record({ applicationId: zhou.id, article: 1, act: NOT_ELIGIBLE, severity: 'serious', note: '考后核查发现学历不符' }, admin).expect(201);
    expect(after.body).toMatchObject({ bannedThrough: '2031-03-26' });
  });

  it('a finding after the event cancels the scores already entered, and bans', async () => {
    const wu = await seated('mis-after', '吴同学');
    await as(server, admin)
      .put(`/api/results/sessions/${sessionId}/candidates/${wu.id}`, { scores: { theory: '90', practical: '90' } })
      .expect(200);
    expect((await marksOf(wu.id)).every((s) => !s.note)).toBe(true);
    const found = await record({ applicationId: wu.id, article: 3, act: COPYING, note: '阅卷时发现与他人答卷雷同', afterEvent: true }, admin).expect(201);
    expect(found.body).toMatchObject({ bannedThrough: '2026-12-31' });
    expect((await marksOf(wu.id)).map((s) => s.note)).toEqual([`成绩取消：第三条：${COPYING}`, `成绩取消：第三条：${COPYING}`]);
  });

  it('only the acts the article lists, and only the body’s own candidates', async () => {
    const he = await seated('mis-check', '何同学');
    expect((await record({ applicationId: he.id, article: 2, act: DEVICE, subject: 'theory', note: '条款与行为不符' }).expect(400)).body).toEqual({
      code: 'MISCONDUCT_ACT_UNKNOWN',
      message: `“${DEVICE}”不是第二条所列的行为`,
    });
    expect((await record({ applicationId: he.id, article: 2, act: LEFT_SEAT, note: '未注明科目' }).expect(400)).body.message).toContain('第二条违纪须注明科目');
    await as(server, he.token).post('/api/misconduct', { applicationId: he.id, article: 2, act: LEFT_SEAT, subject: 'theory', note: '考生自己' }).expect(403);
    const list = (await as(server, admin).get(`/api/misconduct?applicationId=${he.id}`).expect(200)).body;
    expect(list).toEqual([]);
  });
});
