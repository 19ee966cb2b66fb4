import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { DataSource, In } from 'typeorm';
import { ApplicationEntity } from '../src/applications/application.entity';
import { UserEntity } from '../src/identity/user.entity';
import { dataSourceOptions } from '../src/database/data-source';
import { ENTITIES } from '../src/tables';
import { SeatHoldEntity } from '../src/sessions/seat-hold.entity';
import { databaseTargets, startServer as startInProcess, until } from './harness';
import { seededApplication } from './seeded-application';
import { createDatabase, freePort, sharedServicesEnv } from '@skillcert/test-support';

/**
 * Seating heals (issue 25): an approval and its seat are two steps, and a server killed between
 * them (SIGKILL: no shutdown hooks, requests in flight) leaves approved candidates on the waiting
 * list beside free seats. Started again, the server seats them before it answers anyone; a server
 * that keeps running seats them on its next sweep.
 */
const NOW = '2026-03-10T02:00:00.000Z';
const MAIN = resolve(__dirname, '..', 'dist', 'main.js');
const ADMIN = { username: 'drill.admin', password: 'drill-admin-password' };
const APPROVALS = 40;
const ORPHANS = 10;
// The MariaDB run when there is one: several connections and row locks are what this is about.
const target = databaseTargets().at(-1)!;

jest.setTimeout(180_000);

function applicationRow(userId: string, i: number, state: 'submitted' | 'approved'): ApplicationEntity {
  const now = new Date(NOW);
  return seededApplication({
    id: randomUUID(),
    userId,
    seq: i,
    hashPrefix: 'seat-drill',
    state,
    appliedOn: '2026-03-10',
    createdAt: now,
    updatedAt: new Date(now.getTime() + i),
  });
}

describe(`seating heals after a crash (${target.name})`, () => {
  const sqlitePath = join(mkdtempSync(join(tmpdir(), 'skillcert-seat-drill-')), 'drill.sqlite');
  const database = target.env.DATABASE_URL ? { kind: 'mariadb' as const, url: target.env.DATABASE_URL } : { kind: 'sqlite' as const, path: sqlitePath };
  let db: DataSource;
  let child: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    if (database.kind === 'mariadb') await createDatabase(database.url);
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await db?.destroy();
  });

  async function startServer(): Promise<ChildProcess> {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const started = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        FIXED_NOW: NOW,
        PORT: String(port),
        HOST: '127.0.0.1',
        ...(database.kind === 'mariadb' ? sharedServicesEnv(database.url) : { DATABASE_URL: '' }),
        SQLITE_PATH: sqlitePath,
        H5_DIR: join(tmpdir(), 'skillcert-no-h5'),
        FILES_DIR: mkdtempSync(join(tmpdir(), 'skillcert-seat-drill-files-')),
        ADMIN_USERNAME: ADMIN.username,
        ADMIN_PASSWORD: ADMIN.password,
        // The sweep is off: what heals here is the start itself.
        SEAT_SWEEP_SECONDS: '0',
        OUTBOX_SECONDS: '0',
        LOG_FORMAT: 'json',
      },
      stdio: 'ignore',
    });
    await until(
      async () => {
        if (started.exitCode !== null) throw new Error(`server exited with ${started.exitCode}`);
        return fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
      },
      'the server to answer',
      60,
      200,
    );
    return started;
  }

  it(`killed during ${APPROVALS} approvals and started again, every approved candidate holds a seat while seats are free`, async () => {
    child = await startServer();
    db = await new DataSource({ ...dataSourceOptions(database, ENTITIES), migrationsRun: false }).initialize();
    const admin = (await request(url).post('/api/staff/login').send(ADMIN).expect(200)).body.token as string;
    await request(url)
      .post('/api/sessions')
      .set('Authorization', `Bearer ${admin}`)
      .send({ planId: 'shanghai-2026', date: '2026-03-28', site: '天宝路879号', levels: [4], capacity: 200 })
      .expect(201);
    const users = Array.from({ length: APPROVALS + ORPHANS }, (_, i) => ({
      id: randomUUID(),
      openid: `seat-drill-${i}`,
      unionid: null,
      createdAt: new Date(NOW),
    }));
    await db.getRepository(UserEntity).insert(users);
    const submitted = users.slice(0, APPROVALS).map((u, i) => applicationRow(u.id, i, 'submitted'));
    // What a crash between approving and seating leaves behind, whatever the kill below happens to hit.
    const orphans = users.slice(APPROVALS).map((u, i) => applicationRow(u.id, APPROVALS + i, 'approved'));
    await db.getRepository(ApplicationEntity).insert([...submitted, ...orphans]);

    const approvals = submitted.map((a) =>
      fetch(`${url}/api/review/applications/${a.id}/approve`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: '{}',
      }).catch(() => undefined),
    );
    const applications = db.getRepository(ApplicationEntity);
    await until(async () => (await applications.countBy({ id: In(submitted.map((a) => a.id)), state: 'approved' })) >= 5, 'the first approvals');
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    await Promise.all(approvals);

    const approvedIds = async () => (await applications.find({ where: { state: 'approved' }, select: { id: true } })).map((a) => a.id);
    const seatedIds = async () =>
      new Set(
        (await db.getRepository(SeatHoldEntity).find({ where: { status: In(['held', 'confirmed']) }, select: { applicationId: true } })).map(
          (h) => h.applicationId,
        ),
      );
    const before = await approvedIds();
    const seatedBefore = await seatedIds();
    const waitingBefore = before.filter((id) => !seatedBefore.has(id));
    expect(waitingBefore.length).toBeGreaterThanOrEqual(ORPHANS);

    child = await startServer();
    const after = await approvedIds();
    const seatedAfter = await seatedIds();
    expect(after.filter((id) => !seatedAfter.has(id))).toEqual([]);
    expect(after.length).toBe(before.length);
    console.log(
      `seating drill (${target.name}): ${before.length - ORPHANS} approved before the kill, ${waitingBefore.length} waiting beside free seats, all seated at start-up`,
    );
  });
});

describe.each(databaseTargets())('the seat sweep seats the waiting list on $name', (target) => {
  it('an approved candidate left without a seat is seated by the next sweep, with no seat released first', async () => {
    const server = await startInProcess(target, new Date(NOW), {
      SEAT_SWEEP_SECONDS: '1',
      ADMIN_USERNAME: 'sweep.admin',
      ADMIN_PASSWORD: 'sweep-admin-password',
    });
    try {
      const admin = (await request(server.url).post('/api/staff/login').send({ username: 'sweep.admin', password: 'sweep-admin-password' }).expect(200)).body
        .token as string;
      await request(server.url)
        .post('/api/sessions')
        .set('Authorization', `Bearer ${admin}`)
        .send({ planId: 'shanghai-2026', date: '2026-03-28', site: '天宝路879号', levels: [4], capacity: 5 })
        .expect(201);
      const db = server.app.get(DataSource);
      const user = { id: randomUUID(), openid: `sweep-${randomUUID()}`, unionid: null, createdAt: new Date(NOW) };
      await db.getRepository(UserEntity).insert(user);
      const orphan = applicationRow(user.id, 900, 'approved');
      await db.getRepository(ApplicationEntity).insert(orphan);
      await until(async () => (await db.getRepository(SeatHoldEntity).countBy({ applicationId: orphan.id, status: 'held' })) === 1, 'the sweep to seat it', 30);
    } finally {
      await server.close();
    }
  });
});
