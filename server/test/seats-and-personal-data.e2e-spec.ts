import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApplicationEntity } from '../src/applications/application.entity';
import { activeKeyOf } from '../src/applications/application-intake';
import { PersonalDataCipher } from '../src/identity/personal-data.cipher';
import { PhoneBackfill } from '../src/identity/phone-backfill';
import { aCandidate, aResidentId, databaseTargets, startServer, type TestServer } from './harness';

const NOW = new Date('2026-03-10T02:00:00Z');

describe.each(databaseTargets())('seats under a rush of approvals, and ID numbers at rest, on $name', (target) => {
  let server: TestServer;
  let reviewer: string;

  beforeAll(async () => {
    server = await startServer(target, NOW, { ADMIN_USERNAME: 'rush.admin', ADMIN_PASSWORD: 'rush-admin-password' });
    reviewer = (await request(server.url).post('/api/staff/login').send({ username: 'rush.admin', password: 'rush-admin-password' }).expect(200)).body.token;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('200 concurrent approvals into a 50-seat session: exactly 50 seated, 150 waiting', async () => {
    const session = await request(server.url)
      .post('/api/sessions')
      .set('Authorization', `Bearer ${reviewer}`)
      .send({ planId: 'shanghai-2026', date: '2026-04-25', site: '天宝路879号', levels: [5], capacity: 50 })
      .expect(201);
    // The applications themselves are set up directly: the race under test is the approvals.
    const db = server.app.get(DataSource);
    const cipher = server.app.get(PersonalDataCipher);
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const residentId = aResidentId('20080101');
      const id = randomUUID();
      ids.push(id);
      await db.getRepository(ApplicationEntity).insert({
        id,
        userId: null,
        applicantName: `考生${i}`,
        residentIdCipher: cipher.encrypt(residentId),
        residentIdHash: cipher.residentIdHash(residentId),
        residentIdMasked: '3101**********0000',
        birthDate: '2008-01-01',
        phoneCipher: null,
        phoneHash: null,
        batchId: null,
        batchRow: null,
        prereview: null,
        prereviewNote: null,
        planId: 'shanghai-2026',
        level: 5,
        channel: 'individual',
        state: 'submitted',
        activeKey: `${activeKeyOf(cipher.residentIdHash(residentId), 'shanghai-2026', 5)}`,
        appliedOn: '2026-03-10',
        assessBy: '2026-04-30',
        facts: { birthDate: '2008-01-01', intendsToWork: true, work: [], certificates: [], diplomas: [], titles: [], trainings: [] },
        verdict: { eligible: true, satisfied: ['5.1'], reasons: [] },
        createdAt: NOW,
        updatedAt: NOW,
      });
    }
    const results = await Promise.all(
      ids.map((id) => request(server.url).post(`/api/review/applications/${id}/approve`).set('Authorization', `Bearer ${reviewer}`).send({})),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const seated = results.filter((r) => r.body.seat?.sessionId === session.body.id);
    expect(seated).toHaveLength(50);
    expect(results.filter((r) => r.body.state === 'approved' && !r.body.seat)).toHaveLength(150);
    const sessions = await request(server.url).get('/api/sessions').query({ planId: 'shanghai-2026' }).set('Authorization', `Bearer ${reviewer}`).expect(200);
    expect(sessions.body.find((s: { id: string }) => s.id === session.body.id).seatsLeft).toBe(0);

    // A new session takes the waiting list in the order of approval.
    const second = await request(server.url)
      .post('/api/sessions')
      .set('Authorization', `Bearer ${reviewer}`)
      .send({ planId: 'shanghai-2026', date: '2026-04-26', site: '天宝路879号', levels: [5], capacity: 20 })
      .expect(201);
    expect(second.body.seatsLeft).toBe(0);
  });

  it('the resident ID and the phone number are neither in plain text in the database nor in the logs', async () => {
    const lines: string[] = [];
    const logged = await startServer(target, NOW, {}, { captureLogs: (line) => lines.push(line) });
    try {
      const { residentId, token, proof } = await aCandidate(logged, 'private-person');
      const phone = '13712345678';
      const { code } = (await request(logged.url).post('/api/me/phone/demo-code').set('Authorization', `Bearer ${token}`).send({ phone }).expect(200)).body;
      await request(logged.url).post('/api/me/phone').set('Authorization', `Bearer ${token}`).send({ code }).expect(200);
      await request(logged.url)
        .post('/api/applications')
        .set('Authorization', `Bearer ${token}`)
        .send({
          planId: 'shanghai-2026',
          level: 4,
          facts: { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] },
          ...proof,
        })
        .expect(201);
      // Its owner sees it; nobody reading the tables does.
      expect((await request(logged.url).get('/api/me').set('Authorization', `Bearer ${token}`).expect(200)).body.profile.phone).toBe(phone);
      const db = logged.app.get(DataSource);
      const needle = residentId.slice(0, 17);
      for (const table of ['candidate_profiles', 'applications', 'application_events', 'users', 'auth_sessions']) {
        const rows: Record<string, unknown>[] = await db.query(`SELECT * FROM ${table}`);
        expect(JSON.stringify(rows)).not.toContain(needle);
        expect(JSON.stringify(rows)).not.toContain(phone);
      }
      const sealed: { phone_cipher: string | null }[] = await db.query('SELECT phone_cipher FROM applications');
      expect(sealed.some((row) => row.phone_cipher)).toBe(true);
      if (target.name === 'sqlite') expect(readFileSync(target.env.SQLITE_PATH!).includes(Buffer.from(phone))).toBe(false);
      // Numbers stored in clear before they were sealed are sealed at start-up, and the clear column emptied.
      await db.query("UPDATE applications SET phone = '13712345678', phone_cipher = NULL, phone_hash = NULL");
      await logged.app.get(PhoneBackfill).onApplicationBootstrap();
      const after: { phone: string | null; phone_cipher: string | null }[] = await db.query('SELECT phone, phone_cipher FROM applications');
      expect(after.every((row) => row.phone === null && row.phone_cipher && row.phone_cipher !== phone)).toBe(true);
      const profile: { resident_id_cipher: string }[] = await db.query('SELECT resident_id_cipher FROM candidate_profiles');
      expect(profile.length).toBeGreaterThan(0);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toContain(needle);
      if (target.name === 'sqlite') expect(readFileSync(target.env.SQLITE_PATH!).includes(Buffer.from(needle))).toBe(false);
    } finally {
      await logged.close();
    }
  });
});
