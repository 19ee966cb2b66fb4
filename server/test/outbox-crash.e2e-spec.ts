import { addDays, shanghaiDate } from '@skillcert/shared';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource, IsNull, Like, MoreThan, Not } from 'typeorm';
import { ApplicationEntity } from '../src/applications/application.entity';
import { UserEntity } from '../src/identity/user.entity';
import { loadConfig } from '../src/config/config';
import { dataSourceOptions } from '../src/database/data-source';
import { ENTITIES } from '../src/tables';
import { OutboxEntity } from '../src/notifications/outbox.entity';
import { ExamSessionEntity } from '../src/sessions/exam-session.entity';
import { SeatHoldEntity } from '../src/sessions/seat-hold.entity';
import { SubscriptionCreditEntity } from '../src/subscriptions/subscription-credit.entity';
import { FakeWechatServer } from '../src/demo/fake-wechat.server';
import { databaseTargets, until } from './harness';
import { seededApplication } from './seeded-application';
import { createDatabase, freePort, sharedServicesEnv } from '@skillcert/test-support';

/**
 * The fault drill: 2,000 candidates' tickets open at once; the server is killed
 * (SIGKILL: no shutdown hooks, transactions cut off, requests in flight) while it
 * is sending, and started again. WeChat — the fake, in this process, outliving
 * both servers — must have delivered exactly one message to every candidate.
 */
const CANDIDATES = 2000;
const MAIN = resolve(__dirname, '..', 'dist', 'main.js');
// The MariaDB run when there is one: several processes and row locks are what this is about.
const target = databaseTargets().at(-1)!;

jest.setTimeout(180_000);

describe(`the outbox survives a killed server (${target.name})`, () => {
  const base = loadConfig({ NODE_ENV: 'test' });
  const wechat = new FakeWechatServer({ appId: base.wechat.appId, secret: base.wechat.secret });
  const sqlitePath = join(mkdtempSync(join(tmpdir(), 'skillcert-drill-')), 'drill.sqlite');
  const database = target.env.DATABASE_URL ? { kind: 'mariadb' as const, url: target.env.DATABASE_URL } : { kind: 'sqlite' as const, path: sqlitePath };
  let db: DataSource;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    await wechat.start();
    if (database.kind === 'mariadb') await createDatabase(database.url);
    // The server makes the schema and its reference data (the plans); then the candidates are put in beside them.
    const first = await startServer();
    first.kill('SIGTERM');
    await new Promise((r) => first.once('exit', r));
    db = await new DataSource({ ...dataSourceOptions(database, ENTITIES), migrationsRun: false }).initialize();
    await seed();
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await db?.destroy();
    await wechat.stop();
  });

  /** 2,000 paid candidates in a session tomorrow (its tickets long open), each with one accepted "ticket" subscription. */
  async function seed(): Promise<void> {
    const now = new Date();
    const sessionId = randomUUID();
    await db.getRepository(ExamSessionEntity).insert({
      id: sessionId,
      planId: 'shanghai-2026',
      date: addDays(shanghaiDate(now), 1),
      site: '上海市虹口区天宝路879号',
      levels: [4],
      capacity: CANDIDATES,
      seatsTaken: CANDIDATES,
      theoryAt: '09:00',
      practicalAt: '13:30',
      resultsPublishedAt: null,
      resultsPublishedBy: null,
      createdBy: 'drill',
      createdAt: now,
    });
    const templateId = base.wechat.templates.ticket;
    for (let from = 0; from < CANDIDATES; from += 250) {
      const people = Array.from({ length: Math.min(250, CANDIDATES - from) }, (_, k) => {
        const i = from + k;
        const userId = randomUUID();
        const applicationId = randomUUID();
        const openid = wechat.openidFor(`drill-${i}`);
        wechat.acceptSubscription(openid, templateId);
        return { i, userId, applicationId, openid };
      });
      await db.getRepository(UserEntity).insert(people.map((p) => ({ id: p.userId, openid: p.openid, unionid: null, createdAt: now })));
      await db.getRepository(ApplicationEntity).insert(
        people.map(
          (p): ApplicationEntity =>
            seededApplication({
              id: p.applicationId,
              userId: p.userId,
              seq: p.i,
              hashPrefix: 'drill',
              state: 'paid',
              appliedOn: shanghaiDate(now),
              createdAt: now,
              updatedAt: now,
            }),
        ),
      );
      await db.getRepository(SeatHoldEntity).insert(
        people.map((p) => ({
          id: randomUUID(),
          sessionId,
          applicationId: p.applicationId,
          status: 'confirmed' as const,
          heldUntil: null,
          ticketNoticeAt: null,
          ticketNo: null,
          checkedInAt: null,
          checkedInBy: null,
          createdAt: now,
        })),
      );
      await db
        .getRepository(SubscriptionCreditEntity)
        .insert(people.map((p) => ({ id: randomUUID(), userId: p.userId, kind: 'ticket' as const, templateId, grantedAt: now, usedAt: null })));
    }
  }

  async function startServer(): Promise<ChildProcess> {
    const port = await freePort();
    const started = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        ...(database.kind === 'mariadb' ? sharedServicesEnv(database.url) : { DATABASE_URL: '' }),
        SQLITE_PATH: sqlitePath,
        H5_DIR: join(tmpdir(), 'skillcert-no-h5'),
        WECHAT_API_BASE: wechat.url,
        NOTICE_SCHEDULE_SECONDS: '1',
        OUTBOX_SECONDS: '0.2',
        OUTBOX_LEASE_SECONDS: '3',
        LOG_FORMAT: 'json',
      },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (started.exitCode !== null) throw new Error(`server exited with ${started.exitCode}`);
      if (
        await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return started;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('server did not become healthy');
  }

  it('killed mid-send and started again, every one of 2,000 candidates gets exactly one message', async () => {
    child = await startServer();
    // Let it get well into the sending, then cut it off without warning.
    await until(() => wechat.subscribeMessages.length >= CANDIDATES / 3, 'the first third of the messages');
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    const atKill = wechat.subscribeMessages.length;
    expect(atKill).toBeLessThan(CANDIDATES);

    child = await startServer();
    const outbox = db.getRepository(OutboxEntity);
    await until(async () => (await outbox.countBy({ kind: 'ticket', state: 'sent' })) === CANDIDATES, 'every notice settled');
    // Whatever was in flight at the kill has been settled by now; give stragglers a moment to show up as doubles.
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGKILL');

    const perRecipient = new Map<string, number>();
    for (const m of wechat.subscribeMessages) perRecipient.set(m.touser, (perRecipient.get(m.touser) ?? 0) + 1);
    expect(perRecipient.size).toBe(CANDIDATES);
    expect([...perRecipient.values()].filter((n) => n !== 1)).toEqual([]);
    expect(await outbox.countBy({ kind: 'ticket' })).toBe(CANDIDATES);
    expect(await db.getRepository(SeatHoldEntity).countBy({ ticketNoticeAt: Not(IsNull()) })).toBe(CANDIDATES);
    const resolvedByWechat = await outbox.countBy({ kind: 'ticket', outcome: Like('前次发送已送达%') });
    const retried = await outbox.countBy({ kind: 'ticket', attempts: MoreThan(1) });
    console.log(
      `outbox drill (${target.name}): ${atKill} delivered before the kill, ${wechat.subscribeMessages.length} in all; ` +
        `${retried} sent again after the kill, ${resolvedByWechat} of them found delivered already (WeChat refused the repeat)`,
    );
  });
});
