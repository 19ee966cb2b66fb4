import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { anotherInstance } from '../../test/another-instance';
import type { Plan } from '@skillcert/shared';
import { aCandidate, aStaffMember, as, databaseTargets, startServer, until, type TestServer } from '../../test/harness';

/** A February morning of the year after the shipped plans end. */
const NOW = new Date('2027-02-03T02:00:00Z');
const ADMIN = { username: 'plans.admin', password: 'plans-admin-pass' };
/** Next year's notice: this year's, as the body would publish it again (the plan's texts are quoted from it). */
const NOTICE_2027 = readFileSync(join(__dirname, '../../../shared/sources/shanghai-2026.txt'), 'utf8').replaceAll('2026', '2027');
const FINAL_YEAR_STUDENT = { diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };

/** The plan with level 4's practical fee set anew. */
function withPracticalFee(plan: Plan, feeFen: number): Plan {
  return {
    ...plan,
    levels: plan.levels.map((l) => (l.level === 4 ? { ...l, subjects: l.subjects.map((s) => (s.kind === 'practical' ? { ...s, feeFen } : s)) } : l)),
  };
}

describe.each(databaseTargets())('next year without a developer, on $name', (target) => {
  let server: TestServer;
  let admin: ReturnType<typeof as>;
  let instance: { url: string; stop: () => void } | undefined;

  beforeAll(async () => {
    server = await startServer(target, NOW, { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password });
    admin = as(server, (await request(server.url).post('/api/staff/login').send(ADMIN).expect(200)).body.token);
  });

  afterAll(async () => {
    instance?.stop();
    await server?.close();
  });

  it('lists the body’s plans: 2026 has ended; only admins may keep them', async () => {
    expect((await admin.get('/api/staff/plans').expect(200)).body).toEqual([
      { id: 'shanghai-2026', title: '2026年上海市呼叫中心服务员社会化职业技能评价', year: 2026, status: 'ended', revision: 1, editing: false },
    ]);
    const reviewer = await aStaffMember(server, (await request(server.url).post('/api/staff/login').send(ADMIN)).body.token, 'plans.reviewer', '审核员', [
      'reviewer',
    ]);
    await as(server, reviewer).get('/api/staff/plans').expect(403);
    await request(server.url).get('/api/staff/plans').expect(401);
    await admin.get('/api/staff/plans/beijing-2021').expect(404);
  });

  it('an admin clones 2026 into 2027, edits it, gives the notice and the 2027 calendar, and publishes; a candidate applies at the new fee', async () => {
    const cloned = (await admin.post('/api/staff/plans', { from: 'shanghai-2026', id: 'shanghai-2027' }).expect(201)).body;
    expect(cloned).toMatchObject({ id: 'shanghai-2027', status: 'draft', revision: 0, editing: true });
    expect((await admin.post('/api/staff/plans', { from: 'shanghai-2026', id: 'shanghai-2027' }).expect(409)).body.code).toBe('PLAN_ID_TAKEN');
    // A draft is nobody's but the admins'.
    expect((await request(server.url).get('/api/plans').expect(200)).body.map((p: { id: string }) => p.id)).not.toContain('shanghai-2027');

    const plan2027: Plan = withPracticalFee(
      { ...(cloned.plan as Plan), year: 2027, publishedOn: '2027-01-01', title: '2027年上海市呼叫中心服务员社会化职业技能评价' },
      320_00,
    );
    // A wrong field is named, and nothing of the edit is kept.
    const wrong = await admin.put('/api/staff/plans/shanghai-2027', { plan: { ...plan2027, year: '2027' } }).expect(400);
    expect(wrong.body.issues[0].path).toBe('plan.year');
    expect((await admin.get('/api/staff/plans/shanghai-2027').expect(200)).body.plan.year).toBe(2026);

    // An invented sentence is refused at publishing, naming where it stands.
    const invented = { ...plan2027, assessment: { ...plan2027.assessment, notes: ['理论知识、操作技能一般安排在同一天内考核，考试当天提供午餐。'] } };
    await admin.put('/api/staff/plans/shanghai-2027', { plan: invented }).expect(200);
    expect((await admin.post('/api/staff/plans/shanghai-2027/publish').expect(409)).body.code).toBe('PLAN_NOTICE_MISSING');
    await admin.put('/api/staff/plans/shanghai-2027/notice', { text: NOTICE_2027 }).expect(200);
    const refused = (await admin.post('/api/staff/plans/shanghai-2027/publish').expect(422)).body;
    expect(refused.code).toBe('PLAN_TEXT_NOT_IN_NOTICE');
    expect(refused.issues).toEqual([
      { path: 'plan.assessment.notes[0]', message: '未出自公告原文：理论知识、操作技能一般安排在同一天内考核，考试当天提供午餐。' },
    ]);

    // The notice's words again; now only 2027's days off are missing.
    await admin.put('/api/staff/plans/shanghai-2027', { plan: plan2027 }).expect(200);
    const unconfirmed = (await admin.post('/api/staff/plans/shanghai-2027/publish').expect(422)).body;
    expect(unconfirmed).toEqual({ code: 'PLAN_CALENDAR_UNCONFIRMED', message: '请先在“节假日安排”中录入2027年国务院办公厅公布的放假安排，再发布' });
    await admin.put('/api/staff/calendar/2027', { holidays: [{ date: '2027-01-01', name: '元旦' }] }).expect(200);

    const published = (await admin.post('/api/staff/plans/shanghai-2027/publish').expect(200)).body;
    expect(published).toMatchObject({ status: 'published', revision: 1, editing: false });
    expect(published.history.map((h: { action: string; by: string }) => `${h.action} ${h.by}`)).toEqual([
      'published 管理员',
      'edited 管理员',
      'notice 管理员',
      'edited 管理员',
      'cloned 管理员',
    ]);
    expect((await request(server.url).get('/api/plans').expect(200)).body.map((p: { id: string }) => p.id)).toContain('shanghai-2027');

    const candidate = await aCandidate(server, 'plans-2027-student', '20090901');
    const applied = (
      await as(server, candidate.token)
        .post('/api/applications', { planId: 'shanghai-2027', level: 4, facts: { birthDate: '2009-09-01', ...FINAL_YEAR_STUDENT }, ...candidate.proof })
        .expect(201)
    ).body;
    expect(applied).toMatchObject({ planId: 'shanghai-2027', state: 'submitted', feeFen: 420_00 });

    // The next revision: a new fee for new applications; the one made under revision 1 keeps its own.
    await admin.put('/api/staff/plans/shanghai-2027', { plan: withPracticalFee(plan2027, 350_00) }).expect(200);
    expect(
      (await request(server.url).get('/api/plans/shanghai-2027').expect(200)).body.plan.levels.find((l: { level: number }) => l.level === 4).subjects[1].feeFen,
    ).toBe(320_00);
    expect((await admin.post('/api/staff/plans/shanghai-2027/publish').expect(200)).body).toMatchObject({ revision: 2, editing: false });
    expect((await as(server, candidate.token).get(`/api/applications/${applied.id}`).expect(200)).body.feeFen).toBe(420_00);
    const later = await aCandidate(server, 'plans-2027-later', '20090902');
    const laterApplied = (
      await as(server, later.token)
        .post('/api/applications', { planId: 'shanghai-2027', level: 4, facts: { birthDate: '2009-09-02', ...FINAL_YEAR_STUDENT }, ...later.proof })
        .expect(201)
    ).body;
    expect(laterApplied.feeFen).toBe(450_00);
  });

  it('another instance on the same database serves a publication within its refresh', async () => {
    instance = await anotherInstance(target, NOW);
    const other = instance.url;
    const fee = async () => {
      const detail = (await (await fetch(`${other}/api/plans/shanghai-2027`)).json()) as { plan: Plan };
      return detail.plan.levels.find((l) => l.level === 4)!.subjects.find((s) => s.kind === 'practical')!.feeFen;
    };
    expect(await fee()).toBe(350_00);
    const current = (await admin.get('/api/staff/plans/shanghai-2027').expect(200)).body.plan as Plan;
    await admin.put('/api/staff/plans/shanghai-2027', { plan: withPracticalFee(current, 360_00) }).expect(200);
    await admin.post('/api/staff/plans/shanghai-2027/publish').expect(200);
    const publishedAt = Date.now();
    await until(async () => (await fee()) === 360_00, 'the second instance to serve revision 3', 60, 100);
    // CATALOG_REFRESH_SECONDS (4 by default) bounds it; a loaded machine only delays the timer.
    process.stdout.write(`[plans] another instance served the new revision after ${Date.now() - publishedAt} ms\n`);
  });
});
