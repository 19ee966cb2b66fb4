import { anExamBody } from '../../test/exam-body';
import { as, databaseTargets, type TestServer } from '../../test/harness';
import { aPaidCandidate } from '../../test/paid-candidate';

const NOW = new Date('2026-03-10T02:00:00Z');
/** Friday 27 March 2026, 08:41 in Shanghai. */
const EXAM_MORNING = new Date('2026-03-27T00:41:00Z');

describe.each(databaseTargets())('exam day: check-in at the door on $name', (target) => {
  let server: TestServer;
  let admin: string;
  let proctor: string;
  let sessionId: string;

  beforeAll(async () => {
    // Two seats on the 27th; whoever is approved after them sits on the 28th.
    ({ server, admin, proctor, sessionId } = await anExamBody(target, NOW, {
      prefix: 'door',
      proctor: '周监考',
      session: { date: '2026-03-27', site: '天宝路879号B楼', levels: [4], capacity: 2 },
    }));
    await as(server, admin)
      .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-03-28', site: '天宝路879号C楼', levels: [4], capacity: 5 })
      .expect(201);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('finds the candidate by ticket, checks them in once, refuses another session’s or another day’s ticket, and counts the room', async () => {
    const chen = await aPaidCandidate(server, admin, 'door-chen', '陈同学');
    const wang = await aPaidCandidate(server, admin, 'door-wang', '王同学');
    const li = await aPaidCandidate(server, admin, 'door-li', '李同学');
    server.clock.set(EXAM_MORNING);
    try {
      const ticketOf = async (c: { token: string; id: string }) => (await as(server, c.token).get(`/api/applications/${c.id}/ticket`).expect(200)).body;
      const [chenTicket, liTicket] = [await ticketOf(chen), await ticketOf(li)];
      expect(liTicket.session.date).toBe('2026-03-28');
      const door = as(server, proctor);

      const today = (await door.get('/api/exam-day/sessions').expect(200)).body;
      expect(today).toEqual([expect.objectContaining({ id: sessionId, date: '2026-03-27', seats: 2, present: 0 })]);
      // What comes after today, for a proctor on a day without one: the next session, not today's.
      expect((await door.get('/api/exam-day/next').expect(200)).body).toEqual({ next: { date: '2026-03-28', site: '天宝路879号C楼' } });

      const found = (await door.get(`/api/exam-day/sessions/${sessionId}/tickets/${chenTicket.ticketNo}`).expect(200)).body;
      expect(found).toMatchObject({ ticketNo: chenTicket.ticketNo, name: '陈同学', residentIdMasked: chenTicket.residentIdMasked, level: 4 });
      expect(found.photoUrl).toMatch(/^\/api\/files\/.+\/content\?expires=/);

      const room = (await door.post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo: ` ${chenTicket.ticketNo} ` }).expect(200)).body;
      expect(room).toMatchObject({ seats: 2, present: 1, absent: 1 });
      expect(room.candidates.find((c: { name: string }) => c.name === '陈同学')).toMatchObject({ present: true, checkedInAt: EXAM_MORNING.toISOString() });
      expect((await as(server, chen.token).get(`/api/applications/${chen.id}`).expect(200)).body.state).toBe('checked_in');

      const again = await door.post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo: chenTicket.ticketNo }).expect(409);
      expect(again.body).toEqual({ code: 'ALREADY_CHECKED_IN', message: '陈同学已于08:41签到' });

      const elsewhere = await door.post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo: liTicket.ticketNo }).expect(409);
      expect(elsewhere.body).toEqual({ code: 'TICKET_WRONG_SESSION', message: '该准考证属于2026年3月28日·天宝路879号C楼的场次，不是本场次' });
      const unknown = await door.post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo: '2603279999' }).expect(422);
      expect(unknown.body.code).toBe('TICKET_UNKNOWN');
      expect((await door.post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo: '12ab' }).expect(400)).body.message).toContain('准考证号为10位数字');

      // The 28th's session cannot be checked into on the 27th.
      const tomorrow = (await door.get('/api/exam-day/sessions?date=2026-03-28').expect(200)).body[0];
      const early = await door.post(`/api/exam-day/sessions/${tomorrow.id}/check-ins`, { ticketNo: liTicket.ticketNo }).expect(409);
      expect(early.body).toEqual({ code: 'SESSION_NOT_TODAY', message: '该场次在2026年3月28日，今天不能签到' });

      const wangTicket = await ticketOf(wang);
      await door.post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo: wangTicket.ticketNo }).expect(200);
      expect((await door.get(`/api/exam-day/sessions/${sessionId}/attendance`).expect(200)).body).toMatchObject({ seats: 2, present: 2, absent: 0 });
      // A candidate is not a proctor.
      await as(server, chen.token).get(`/api/exam-day/sessions/${sessionId}/attendance`).expect(403);
    } finally {
      server.clock.set(NOW);
    }
  });
});
