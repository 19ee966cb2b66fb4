import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { databaseTargets, startServer, type TestServer } from '../../test/harness';
import { ExamSessionEntity } from './exam-session.entity';
import { SeatHoldEntity } from './seat-hold.entity';
import { SeatsService } from './seats.service';

const NOW = new Date('2026-03-10T02:00:00Z');
const DEADLINE = new Date('2026-03-17T15:59:59Z');
/** Earlier than every other hold's deadline, so the sweep test sees only its own. */
const EARLY_DEADLINE = new Date('2026-03-12T15:59:59Z');

describe.each(databaseTargets())('exam sessions and seats on $name', (target) => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startServer(target, NOW, { ADMIN_USERNAME: 'sessions.admin', ADMIN_PASSWORD: 'sessions-admin-pass' });
    admin = (await request(server.url).post('/api/staff/login').send({ username: 'sessions.admin', password: 'sessions-admin-pass' }).expect(200)).body.token;
  });

  afterAll(async () => {
    await server?.close();
  });

  const createSession = (body: Record<string, unknown>, token = admin) =>
    request(server.url).post('/api/sessions').set('Authorization', `Bearer ${token}`).send(body);

  it("an admin creates a session inside the plan's bounds and sees its free seats", async () => {
    const res = await createSession({ planId: 'shanghai-2026', date: '2026-03-28', site: '上海市虹口区天宝路879号', levels: [4, 3], capacity: 40 }).expect(201);
    expect(res.body).toMatchObject({ planId: 'shanghai-2026', date: '2026-03-28', levels: [3, 4], capacity: 40, seatsLeft: 40 });
    const list = await request(server.url).get('/api/sessions').query({ planId: 'shanghai-2026' }).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(list.body.map((s: { id: string }) => s.id)).toContain(res.body.id);
  });

  it('refuses a date outside the plan with the reason, and a bad capacity beside the field', async () => {
    const early = await createSession({ planId: 'shanghai-2026', date: '2026-02-27', site: '受理点', levels: [4], capacity: 10 }).expect(422);
    expect(early.body).toEqual({ code: 'SESSION_DATE_INVALID', message: '考核日期须在2026年3月1日至12月31日之间' });
    const bad = await createSession({ planId: 'shanghai-2026', date: '2026-04-25', site: '受理点', levels: [4], capacity: 0 }).expect(400);
    expect(bad.body.issues).toEqual([{ path: 'capacity', message: '座位数至少为1' }]);
  });

  it("another body's plan is not there for this admin", async () => {
    const res = await createSession({ planId: 'beijing-2021', date: '2021-06-26', site: '北大青鸟研修学院主楼', levels: [4], capacity: 30 }).expect(404);
    expect(res.body.code).toBe('PLAN_NOT_FOUND');
  });

  it('200 approvals racing for 50 seats: exactly 50 get one, the rest are told it is full', async () => {
    const session = (await createSession({ planId: 'shanghai-2026', date: '2026-04-18', site: '考点A', levels: [4], capacity: 50 }).expect(201)).body;
    const seats = server.app.get(SeatsService);
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, () => seats.hold(session.id, randomUUID(), DEADLINE)));
    const held = outcomes.filter((o) => o.status === 'fulfilled').length;
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code);
    expect(held).toBe(50);
    expect(new Set(refused)).toEqual(new Set(['SEAT_SOLD_OUT']));

    const db = server.app.get(DataSource);
    expect((await db.getRepository(ExamSessionEntity).findOneByOrFail({ id: session.id })).seatsTaken).toBe(50);
    expect(await db.getRepository(SeatHoldEntity).countBy({ sessionId: session.id, status: 'held' })).toBe(50);
  });

  it('holding twice for one application takes one seat; releasing gives it back', async () => {
    const session = (await createSession({ planId: 'shanghai-2026', date: '2026-04-19', site: '考点B', levels: [4], capacity: 1 }).expect(201)).body;
    const seats = server.app.get(SeatsService);
    const application = randomUUID();
    await Promise.all([seats.hold(session.id, application, DEADLINE), seats.hold(session.id, application, DEADLINE)]);
    await expect(seats.hold(session.id, randomUUID(), DEADLINE)).rejects.toMatchObject({ code: 'SEAT_SOLD_OUT' });
    await seats.release(application);
    await seats.release(application);
    const next = randomUUID();
    await expect(seats.hold(session.id, next, DEADLINE)).resolves.toMatchObject({ applicationId: next, status: 'held' });
  });

  it('the sweep releases holds past their payment deadline, but not paid ones', async () => {
    const session = (await createSession({ planId: 'shanghai-2026', date: '2026-04-26', site: '考点C', levels: [4], capacity: 2 }).expect(201)).body;
    const seats = server.app.get(SeatsService);
    const [unpaid, paid] = [randomUUID(), randomUUID()];
    await seats.hold(session.id, unpaid, EARLY_DEADLINE);
    await seats.hold(session.id, paid, EARLY_DEADLINE);
    await seats.confirm(paid);

    server.clock.set(new Date(EARLY_DEADLINE.getTime() - 1000));
    expect(await seats.releaseExpired()).toBe(0);
    server.clock.set(new Date(EARLY_DEADLINE.getTime() + 1000));
    try {
      expect(await seats.releaseExpired()).toBe(1);
    } finally {
      server.clock.set(NOW);
    }
    const row = await server.app.get(DataSource).getRepository(ExamSessionEntity).findOneByOrFail({ id: session.id });
    expect(row.seatsTaken).toBe(1);
  });

  it('the scheduled sweep gives expired seats back by itself', async () => {
    const swept = await startServer(target, NOW, { ADMIN_USERNAME: 'sessions.admin', ADMIN_PASSWORD: 'sessions-admin-pass', SEAT_SWEEP_SECONDS: '1' });
    try {
      const token = (await request(swept.url).post('/api/staff/login').send({ username: 'sessions.admin', password: 'sessions-admin-pass' }).expect(200)).body
        .token;
      const session = (
        await request(swept.url)
          .post('/api/sessions')
          .set('Authorization', `Bearer ${token}`)
          .send({ planId: 'shanghai-2026', date: '2026-05-16', site: '考点D', levels: [5], capacity: 3 })
          .expect(201)
      ).body;
      await swept.app.get(SeatsService).hold(session.id, randomUUID(), new Date(NOW.getTime() - 60_000));
      const seatsLeft = async () =>
        (await request(swept.url).get('/api/sessions').query({ planId: 'shanghai-2026' }).set('Authorization', `Bearer ${token}`).expect(200)).body.find(
          (s: { id: string }) => s.id === session.id,
        ).seatsLeft;
      expect(await seatsLeft()).toBe(2);
      const deadline = Date.now() + 5000;
      while ((await seatsLeft()) !== 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(await seatsLeft()).toBe(3);
    } finally {
      await swept.close();
    }
  });
});
