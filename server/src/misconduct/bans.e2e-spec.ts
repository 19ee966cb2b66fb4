import { MISCONDUCT_ACTS } from '@skillcert/shared';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { anExamBody } from '../../test/exam-body';
import { aCandidate, aResidentId, as, databaseTargets, type TestServer } from '../../test/harness';
import { aPaidCandidate } from '../../test/paid-candidate';
import { UnitOfWork } from '../database/unit-of-work';
import { SeatAllocator } from '../sessions/seat-allocator';
import { SeatsService } from '../sessions/seats.service';
import { MisconductRecordEntity } from './misconduct-record.entity';

const FALSE_PROMISE = MISCONDUCT_ACTS[4].acts[0]!;
const DEVICE = MISCONDUCT_ACTS[3].acts[0]!;
const NOW = new Date('2026-03-10T02:00:00Z');
/** Friday 27 March 2026, 08:30 in Shanghai: the sitting. */
const EXAM_MORNING = new Date('2026-03-27T00:30:00Z');
const FINAL_YEAR = { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };

/**
 * A ban binds (issue 25): recording it ends what the person has under way, and no step — approval,
 * payment, seat, check-in — goes through for a banned person, whoever tries; the ID number a ban is
 * keyed by is not the candidate's to change once they have applied.
 */
describe.each(databaseTargets())('bans that bind, on $name', (target) => {
  let server: TestServer;
  let admin: string;
  let proctor: string;
  let sessionId: string;

  beforeAll(async () => {
    ({ server, admin, proctor, sessionId } = await anExamBody(target, NOW, {
      prefix: 'bans',
      session: { date: '2026-03-27', site: '天宝路879号B楼', levels: [4], capacity: 20 },
    }));
  });

  afterAll(async () => {
    await server?.close();
  });

  afterEach(() => server.clock.set(NOW));

  /** A ban written as another instance (or another body's staff) would have written it a moment ago, beside this application. */
  async function banBeside(applicationId: string, through = '2031-03-09'): Promise<void> {
    const db = server.app.get(DataSource);
    const [row] = (await db.query('SELECT resident_id_hash AS hash FROM applications WHERE id = ?', [applicationId])) as { hash: string }[];
    await db.getRepository(MisconductRecordEntity).insert({
      id: randomUUID(),
      applicationId,
      sessionId: null,
      residentIdHash: row!.hash,
      article: 4,
      act: FALSE_PROMISE,
      subject: null,
      severity: 'serious',
      note: '另一评价机构记录',
      occurredOn: '2026-03-10',
      afterEvent: false,
      penalty: '取消当次全部科目成绩，5年内不得参加评价',
      bannedThrough: through,
      recordedBy: 'elsewhere',
      recordedAt: NOW,
    });
  }

  it('a ban recorded before the sitting ends the paid application: cancelled, seat given back, the fee kept (第四条)', async () => {
    const qian = await aPaidCandidate(server, admin, 'ban-paid', '钱同学');
    const recorded = await as(server, admin)
      .post('/api/misconduct', { applicationId: qian.id, article: 4, act: FALSE_PROMISE, severity: 'serious', note: '承诺的工作年限不实' })
      .expect(201);
    // The offence is dated by the sitting it concerned (27 March) unless staff say otherwise.
    expect(recorded.body).toMatchObject({ bannedThrough: '2031-03-26' });
    const view = (await as(server, qian.token).get(`/api/applications/${qian.id}`).expect(200)).body;
    expect(view).toMatchObject({ state: 'cancelled', payment: { channel: 'wechat' } });
    expect(view.seat).toBeUndefined();
    expect(view.payment.refund).toBeUndefined();
    expect(view.timeline.at(-1)).toMatchObject({ from: 'paid', to: 'cancelled', by: 'staff', note: expect.stringContaining(FALSE_PROMISE) });
  });

  it('an article-3 finding at the sitting cancels that sitting’s scores without ending it, and bars what follows', async () => {
    const zhou = await aPaidCandidate(server, admin, 'ban-seated', '周同学');
    server.clock.set(EXAM_MORNING);
    const { ticketNo } = (await as(server, zhou.token).get(`/api/applications/${zhou.id}/ticket`).expect(200)).body;
    await as(server, proctor).post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo }).expect(200);
    await as(server, proctor).post('/api/misconduct', { applicationId: zhou.id, article: 3, act: DEVICE, note: '理论考试中使用手机' }).expect(201);
    // The sitting itself is scored (cancelled) by the finding, not ended.
    expect((await as(server, zhou.token).get(`/api/applications/${zhou.id}`).expect(200)).body.state).toBe('checked_in');
    // What a ban records is what every later step reads: a new application is refused at once.
    expect((await as(server, zhou.token).post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR }).expect(403)).body.code).toBe(
      'APPLICANT_BANNED',
    );
  });

  it('a banned person’s application under way is not approved, paid, seated or let in', async () => {
    // Approval.
    const { token, proof } = await aCandidate(server, 'ban-review', undefined, '冯同学');
    const applied = await as(server, token)
      .post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...proof })
      .expect(201);
    await banBeside(applied.body.id);
    const refused = await as(server, admin).post(`/api/review/applications/${applied.body.id}/approve`, {}).expect(403);
    expect(refused.body).toEqual({ code: 'APPLICANT_BANNED', message: '因违反参评纪律，2031年3月9日前（含）不得参加评价' });
    expect((await as(server, token).get(`/api/applications/${applied.body.id}`).expect(200)).body.state).toBe('submitted');

    // Payment: approved a moment before the ban.
    const chu = await aCandidate(server, 'ban-pay', undefined, '褚同学');
    const chuApplied = await as(server, chu.token)
      .post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...chu.proof })
      .expect(201);
    await as(server, admin).post(`/api/review/applications/${chuApplied.body.id}/approve`, {}).expect(200);
    await banBeside(chuApplied.body.id);
    expect((await as(server, chu.token).post(`/api/applications/${chuApplied.body.id}/payments/wechat`, {}).expect(403)).body.code).toBe('APPLICANT_BANNED');
    // Seat: its hold given back, the waiting list does not seat them again though seats are free.
    await server.app.get(UnitOfWork).run((manager) => server.app.get(SeatsService).releaseWithin(manager, chuApplied.body.id));
    expect(await server.app.get(SeatAllocator).promoteWaiting('shanghai-2026')).toBe(0);
    expect((await as(server, chu.token).get(`/api/applications/${chuApplied.body.id}`).expect(200)).body.seat).toBeUndefined();

    // Check-in: paid and ticketed a moment before the ban.
    const wei = await aPaidCandidate(server, admin, 'ban-door', '卫同学');
    await banBeside(wei.id);
    server.clock.set(EXAM_MORNING);
    const { ticketNo } = (await as(server, wei.token).get(`/api/applications/${wei.id}/ticket`).expect(200)).body;
    const door = await as(server, proctor).post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo }).expect(403);
    expect(door.body.code).toBe('APPLICANT_BANNED');
  });

  it('the ID number is fixed once the candidate has applied: a change is refused, the same number saved again is fine', async () => {
    const jiang = await aCandidate(server, 'ban-id', undefined, '蒋同学');
    const me = as(server, jiang.token);
    // Before any application, a typo is the candidate's to correct.
    const corrected = aResidentId();
    await me.put('/api/me/profile', { name: '蒋同学', residentId: corrected }).expect(200);
    await me.post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...jiang.proof }).expect(201);
    const changed = await me.put('/api/me/profile', { name: '蒋同学', residentId: aResidentId() }).expect(409);
    expect(changed.body.code).toBe('RESIDENT_ID_LOCKED');
    await me.put('/api/me/profile', { name: '蒋同学', residentId: corrected, email: 'jiang@example.com' }).expect(200);

    // The counter corrects it, the original card in hand: profile and application follow, and the record says who and why.
    const applied = (await me.get('/api/applications').expect(200)).body[0] as { id: string };
    const right = aResidentId('20080315');
    const reviewed = await as(server, admin)
      .post(`/api/review/applications/${applied.id}/resident-id/correction`, { residentId: right, note: '考生填写时录错两位，已核对原件' })
      .expect(200);
    expect(reviewed.body.candidate.residentIdMasked).toBe(`${right.slice(0, 4)}**********${right.slice(-4)}`);
    expect((await me.get('/api/me').expect(200)).body.profile).toMatchObject({
      residentIdMasked: reviewed.body.candidate.residentIdMasked,
      birthDate: '2008-03-15',
    });
    const view = (await me.get(`/api/applications/${applied.id}`).expect(200)).body;
    expect(view.timeline.at(-1)).toMatchObject({ by: 'staff', note: expect.stringContaining('身份证号码经工作人员核对原件后更正') });
    // Not to a number under a ban, nor to another account's.
    const banned = await aPaidCandidate(server, admin, 'ban-other', '沈同学');
    await banBeside(banned.id);
    const other = await as(server, admin).post(`/api/review/applications/${applied.id}/resident-id/correction`, {
      residentId: banned.residentId,
      note: '核对原件',
    });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('APPLICANT_BANNED');
    const someoneElse = await aCandidate(server, 'ban-else', undefined, '韩同学');
    const taken = await as(server, admin).post(`/api/review/applications/${applied.id}/resident-id/correction`, {
      residentId: someoneElse.residentId,
      note: '核对原件',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('RESIDENT_ID_TAKEN');
  });
});
