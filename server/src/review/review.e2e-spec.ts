import request from 'supertest';
import { aCandidate, databaseTargets, startServer, type Proof, type TestServer } from '../../test/harness';

const NOW = new Date('2026-03-10T02:00:00Z');
const FINAL_YEAR = { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };

describe.each(databaseTargets())('reviewers deciding on applications on $name', (target) => {
  let server: TestServer;
  let admin: string;
  let reviewer: string;

  beforeAll(async () => {
    server = await startServer(target, NOW, { ADMIN_USERNAME: 'review.admin', ADMIN_PASSWORD: 'review-admin-pass' });
    admin = (await request(server.url).post('/api/staff/login').send({ username: 'review.admin', password: 'review-admin-pass' }).expect(200)).body.token;
    await request(server.url)
      .post('/api/staff/accounts')
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: `reviewer.${target.name}`, displayName: '李审核', password: 'reviewer-pass-2026', kind: 'staff', roles: ['reviewer'] })
      .expect(201);
    reviewer = (
      await request(server.url)
        .post('/api/staff/login')
        .send({ username: `reviewer.${target.name}`, password: 'reviewer-pass-2026' })
        .expect(200)
    ).body.token;
  });

  afterAll(async () => {
    await server?.close();
  });

  /** A candidate who has applied for level 4; returns their token and the application id. */
  async function applicant(persona: string): Promise<{ token: string; id: string; proof: Proof }> {
    const { token, proof } = await aCandidate(server, persona);
    const application = await request(server.url)
      .post('/api/applications')
      .set('Authorization', `Bearer ${token}`)
      .send({ planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...proof })
      .expect(201);
    return { token, id: application.body.id, proof };
  }

  const act = (path: string, body: Record<string, unknown> = {}, token = reviewer) =>
    request(server.url).post(`/api/review/applications/${path}`).set('Authorization', `Bearer ${token}`).send(body);

  it('the queue shows who applied (ID masked), and the clause the engine found', async () => {
    const { id } = await applicant('queue-1');
    const queue = await request(server.url).get('/api/review/applications').set('Authorization', `Bearer ${reviewer}`).expect(200);
    const item = queue.body.find((a: { id: string }) => a.id === id);
    expect(item).toMatchObject({ state: 'submitted', candidate: { name: '陈同学', age: 17 }, eligibility: { eligible: true, satisfied: ['4.3'] } });
    expect(item.candidate.residentIdMasked).toMatch(/^3101\*{10}\d{3}[\dX]$/);
  });

  it('the full ID number is read at the counter only on purpose, and each reading is on the record', async () => {
    const { id, token } = await applicant('counter-id');
    const detail = await request(server.url).get(`/api/review/applications/${id}`).set('Authorization', `Bearer ${reviewer}`).expect(200);
    expect(JSON.stringify(detail.body)).not.toMatch(/3101\d{14}/);
    const revealed = await act(`${id}/resident-id`).expect(200);
    expect(revealed.body.residentId).toMatch(/^3101\d{13}[\dX]$/);
    expect(revealed.body.residentId.slice(-4)).toBe(detail.body.candidate.residentIdMasked.slice(-4));
    // Who read it and when: in the audit trail, and in the candidate's own timeline.
    const audit = await request(server.url).get(`/api/review/audit?applicationId=${id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    // The clock stands still in this test: the reading is found by what it says, not by its place in the list.
    const reading = audit.body.find((e: { note?: string }) => e.note === '现场核验：工作人员查看了完整身份证号码');
    expect(reading).toMatchObject({ by: `李审核（reviewer.${target.name}）`, from: 'submitted', to: 'submitted' });
    const mine = await request(server.url).get(`/api/applications/${id}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(mine.body.timeline.some((e: { note?: string }) => e.note === '现场核验：工作人员查看了完整身份证号码')).toBe(true);
    // A candidate cannot read it this way, not even their own.
    await act(`${id}/resident-id`, {}, token).expect(403);
  });

  it('approval seats the candidate in the earliest session that serves the application, until the payment deadline', async () => {
    const session = await request(server.url)
      .post('/api/sessions')
      .set('Authorization', `Bearer ${admin}`)
      .send({ planId: 'shanghai-2026', date: '2026-03-28', site: '天宝路879号', levels: [4], capacity: 1 })
      .expect(201);
    const first = await applicant('seated');
    const approved = await act(`${first.id}/approve`).expect(200);
    expect(approved.body).toMatchObject({
      state: 'approved',
      stateLabel: '审核通过，待缴费',
      seat: { sessionId: session.body.id, date: '2026-03-28', heldUntil: '2026-03-17T02:00:00.000Z' },
    });
    expect(approved.body.timeline.at(-1)).toMatchObject({ from: 'submitted', to: 'approved', by: 'staff' });

    const second = await applicant('waiting');
    const waitlisted = await act(`${second.id}/approve`).expect(200);
    expect(waitlisted.body.state).toBe('approved');
    expect(waitlisted.body.seat).toBeUndefined();

    const again = await act(`${first.id}/approve`).expect(409);
    expect(again.body.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it("returns for correction with the reviewer's note, which the candidate reads on the timeline", async () => {
    const { token, id } = await applicant('returned');
    await act(`${id}/return`, {}).expect(400);
    await act(`${id}/return`, { note: '请上传在读证明（须加盖学校公章）' }).expect(200);
    const seen = await request(server.url).get(`/api/applications/${id}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(seen.body).toMatchObject({ state: 'returned', stateLabel: '退回修改' });
    expect(seen.body.timeline.at(-1)).toMatchObject({ to: 'returned', note: '请上传在读证明（须加盖学校公章）' });
  });

  it('a returned application is corrected and resubmitted, not started over', async () => {
    const { token, id } = await applicant('corrects');
    const resubmit = (facts: Record<string, unknown>) =>
      request(server.url).put(`/api/applications/${id}`).set('Authorization', `Bearer ${token}`).send({ facts });
    const notYet = await resubmit(FINAL_YEAR).expect(409);
    expect(notYet.body.code).toBe('TRANSITION_NOT_ALLOWED');

    await act(`${id}/return`, { note: '专业应为相关专业，请更正' }).expect(200);
    const corrected = { ...FINAL_YEAR, diplomas: [{ school: 'secondary-vocational', major: 'related', finalYear: true }] };
    const res = await resubmit(corrected).expect(200);
    expect(res.body).toMatchObject({ id, state: 'submitted', eligibility: { eligible: true, satisfied: ['4.3'] } });
    expect(res.body.timeline.map((e: { to: string }) => e.to)).toEqual(['submitted', 'returned', 'submitted']);
    expect(res.body.timeline.at(-1).note).toBe('已按要求修改，重新提交');
    const queue = await request(server.url).get('/api/review/applications').set('Authorization', `Bearer ${reviewer}`).expect(200);
    expect(queue.body.filter((a: { id: string }) => a.id === id)).toHaveLength(1);
  });

  it('rejects with a reason; the person may apply again', async () => {
    const { token, id, proof } = await applicant('rejected');
    const res = await act(`${id}/reject`, { reason: '提供的毕业证书与学信网信息不符' }).expect(200);
    expect(res.body.state).toBe('rejected');
    await request(server.url)
      .post('/api/applications')
      .set('Authorization', `Bearer ${token}`)
      .send({ planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...proof })
      .expect(201);
  });

  it('candidates and other roles cannot review', async () => {
    const { token, id } = await applicant('self-approver');
    const denied = await act(`${id}/approve`, {}, token).expect(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    await request(server.url)
      .post('/api/staff/accounts')
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: `finance.${target.name}`, displayName: '周财务', password: 'finance-pass-2026', kind: 'staff', roles: ['finance'] })
      .expect(201);
    const finance = (
      await request(server.url)
        .post('/api/staff/login')
        .send({ username: `finance.${target.name}`, password: 'finance-pass-2026' })
        .expect(200)
    ).body.token;
    await act(`${id}/approve`, {}, finance).expect(403);
  });
});
