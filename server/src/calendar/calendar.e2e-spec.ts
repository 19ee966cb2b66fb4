import request from 'supertest';
import { anotherInstance } from '../../test/another-instance';
import { aStaffMember, databaseTargets, startServer, until, type TestServer } from '../../test/harness';

const NOW = new Date('2026-12-07T02:00:00Z');
const ADMIN = { username: 'calendar.admin', password: 'calendar-admin-pass' };
/** The State Council's arrangement for 2027 as an admin would type it (元旦 and 春节 enough for the counts below). */
const YEAR_2027 = {
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    ...['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({ date, name: '春节' })),
  ],
  workdays: [{ date: '2027-02-20', name: '春节调休上班' }],
};

describe.each(databaseTargets())('the working-day calendar kept by admins, on $name', (target) => {
  let server: TestServer;
  let admin: string;
  let reviewer: string;
  let instance: { url: string; stop: () => void } | undefined;

  beforeAll(async () => {
    server = await startServer(target, NOW, { ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password });
    admin = (await request(server.url).post('/api/staff/login').send(ADMIN).expect(200)).body.token;
    reviewer = await aStaffMember(server, admin, 'calendar.reviewer', '审核员', ['reviewer']);
  });

  afterAll(async () => {
    instance?.stop();
    await server?.close();
  });

  const year = (y: number | string) => request(server.url).get(`/api/calendar/${y}`);
  const save = (y: number, body: object, token = admin) =>
    request(server.url).put(`/api/staff/calendar/${y}`).set('Authorization', `Bearer ${token}`).send(body);

  it('says which years are known: 2026 from the built-in calendar, 2027 not yet — to anyone who asks', async () => {
    const known = (await year(2026).expect(200)).body;
    expect(known).toMatchObject({ year: 2026, confirmed: true, source: 'calendar' });
    expect(known.holidays).toContainEqual({ date: '2026-10-01', name: '国庆节' });
    expect(known.workdays).toContainEqual({ date: '2026-02-14', name: '春节调休上班' });
    expect((await year(2027).expect(200)).body).toEqual({ year: 2027, confirmed: false, source: 'none', holidays: [], workdays: [] });
    expect((await year('27').expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('shows staff a December session whose results fall due in an unknown year as unconfirmed', async () => {
    const session = (
      await request(server.url)
        .post('/api/sessions')
        .set('Authorization', `Bearer ${admin}`)
        .send({ planId: 'shanghai-2026', date: '2026-12-28', site: '上海市虹口区天宝路879号', levels: [4], capacity: 30 })
        .expect(201)
    ).body;
    // Monday 28 December: tickets five working days before (21 December, all in 2026); results twenty after,
    // counted over 2027 on weekdays alone — 29–31 December, then 1 January 2027 (a Friday) onwards: 25 January.
    expect(session).toMatchObject({ ticketsFrom: '2026-12-21', resultsDueBy: '2027-01-25', datesConfirmed: false });
  });

  it('takes a year only from an admin, refuses a built-in year and a wrong entry naming the field, and keeps nothing of a refusal', async () => {
    await request(server.url).put('/api/staff/calendar/2027').send(YEAR_2027).expect(401);
    expect((await save(2027, YEAR_2027, reviewer).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await save(2026, YEAR_2027).expect(409)).body).toEqual({ code: 'CALENDAR_YEAR_BUILT_IN', message: '该年度的节假日安排已由系统内置，无需录入' });
    const wrong = await save(2027, { holidays: [{ date: '2026-12-31', name: '元旦' }], workdays: [{ date: '2027-02-17', name: '调休' }] }).expect(400);
    expect(wrong.body.issues).toEqual([
      { path: 'holidays.0.date', message: '日期须在2027年内' },
      { path: 'workdays.0.date', message: '调休上班日应为周六或周日' },
    ]);
    expect((await save(2027, { holidays: [], workdays: [] }).expect(400)).body.issues).toEqual([{ path: 'holidays', message: '请录入放假日期' }]);
    expect((await year(2027).expect(200)).body.confirmed).toBe(false);
  });

  it('an admin enters 2027: the session counts its results over 元旦, and another instance on the same database counts the same within its refresh', async () => {
    // A second server process on the same database, as in production: it read the calendar before 2027 was entered.
    instance = await anotherInstance(target, NOW);
    const other = instance.url;
    expect(((await (await fetch(`${other}/api/calendar/2027`)).json()) as { confirmed: boolean }).confirmed).toBe(false);

    const saved = (await save(2027, YEAR_2027).expect(200)).body;
    expect(saved).toMatchObject({ year: 2027, confirmed: true, source: 'entered' });
    expect(saved.holidays[0]).toEqual({ date: '2027-01-01', name: '元旦' });
    const sessions = (await request(server.url).get('/api/sessions').query({ planId: 'shanghai-2026' }).set('Authorization', `Bearer ${admin}`).expect(200))
      .body;
    // 元旦 is now a day off: the twentieth working day moves from 25 to 26 January, and the count is known.
    expect(sessions.find((s: { date: string }) => s.date === '2026-12-28')).toMatchObject({ resultsDueBy: '2027-01-26', datesConfirmed: true });

    const savedAt = Date.now();
    await until(
      async () => ((await (await fetch(`${other}/api/calendar/2027`)).json()) as { confirmed: boolean }).confirmed === true,
      'the second instance to see 2027',
      60,
      100,
    );
    // CATALOG_REFRESH_SECONDS (4 by default) bounds it; a loaded machine only delays the timer, never loses the change.
    process.stdout.write(`[calendar] another instance counted with 2027 after ${Date.now() - savedAt} ms\n`);
  });
});
