import request from 'supertest';
import { anExamBody } from './exam-body';
import { aCandidate, as, databaseTargets, startServer, until, type Proof, type TestServer } from './harness';
import { connectTo } from '@skillcert/test-support';
import { Sequences } from '../src/database/sequences';
import { UnitOfWork } from '../src/database/unit-of-work';
import { ScheduledNotices } from '../src/notifications/scheduled-notices';
import { aPaidCandidate } from './paid-candidate';

// 2026-03-10 10:00 in Shanghai: the March window is open.
const NOW = new Date('2026-03-10T02:00:00Z');
const EXAM_MORNING = new Date('2026-03-27T00:30:00Z');
const RESULTS_DAY = new Date('2026-04-02T02:00:00Z');
const FINAL_YEAR = { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };

/** Runs `work` over `items`, `width` at a time: setting up a crowd without being one. */
async function inParallel<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

describe.each(databaseTargets())('a crowd at the window and two hands on one mark, on $name', (target) => {
  let server: TestServer;
  let admin: string;
  let proctor: string;
  let sessionId: string;
  const logs: string[] = [];

  beforeAll(async () => {
    ({ server, admin, proctor, sessionId } = await anExamBody(target, NOW, { prefix: 'crowd' }));
  });

  afterAll(async () => {
    await server?.close();
  });

  // On SQLite transactions run one at a time by design; the interleaving under test is MariaDB's.
  const rounds = target.name === 'mariadb' ? 10 : 2;

  it(`64 candidates apply at the same moment, ${rounds} rounds in a row: every answer 201, no deadlock`, async () => {
    // A server of its own whose log the test reads.
    const crowd = await startServer(target, NOW, {}, { captureLogs: (line) => logs.push(line) });
    try {
      for (let round = 0; round < rounds; round++) {
        const candidates: { token: string; proof: Proof }[] = await inParallel(
          Array.from({ length: 64 }, (_, i) => i),
          8,
          (i) => aCandidate(crowd, `crowd-${round}-${i}`),
        );
        const answers = await Promise.all(
          candidates.map((c) => as(crowd, c.token).post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...c.proof })),
        );
        const refused = answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${JSON.stringify(a.body)}`);
        expect({ round, refused }).toEqual({ round, refused: [] });
      }
      const deadlocks = logs.filter((line) => /deadlock/i.test(line));
      expect(deadlocks).toEqual([]);
    } finally {
      await crowd.close();
    }
    // 640 sign-ins with uploads and 640 applications: what it claims is every answer and no deadlock, not
    // a speed — on a busy machine (CI beside a benchmark) it ran past the default 60 s.
  }, 300_000);

  it('16 concurrent ticket and ticket PDF requests for a freshly paid seat: every answer 200, one number', async () => {
    server.clock.set(NOW);
    const wu = await aPaidCandidate(server, admin, 'ticket-wu', '吴同学');
    server.clock.set(EXAM_MORNING);
    const me = as(server, wu.token);
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => (i % 2 ? me.get(`/api/applications/${wu.id}/ticket.pdf`) : me.get(`/api/applications/${wu.id}/ticket`))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(16).fill(200));
    const numbers = new Set(answers.filter((_, i) => i % 2 === 0).map((a) => (a.body as { ticketNo: string }).ticketNo));
    expect([...numbers]).toHaveLength(1);
    expect([...numbers][0]).toMatch(/^260327\d{4}$/);
    expect((await me.get(`/api/applications/${wu.id}/ticket`).expect(200)).body.ticketNo).toBe([...numbers][0]);
  });

  it('a running number taken by 40 transactions at once: 40 numbers, each once, after those issued before', async () => {
    const uow = server.app.get(UnitOfWork);
    const sequences = server.app.get(Sequences);
    const taken = await Promise.all(
      Array.from({ length: 40 }, (_, i) => uow.run((manager) => sequences.take(manager, 'test:crowd', 1 + (i % 3), async () => 100))),
    );
    const numbers = taken.flatMap((first, i) => Array.from({ length: 1 + (i % 3) }, (_, k) => first + k)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, k) => 101 + k));
  });

  it('10 concurrent score entries for one candidate: one row, each answer 200, never a 500', async () => {
    server.clock.set(NOW);
    const chen = await aPaidCandidate(server, admin, 'marks-chen', '陈同学');
    server.clock.set(EXAM_MORNING);
    const { ticketNo } = (await as(server, chen.token).get(`/api/applications/${chen.id}/ticket`).expect(200)).body as { ticketNo: string };
    await as(server, proctor).post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo }).expect(200);
    server.clock.set(RESULTS_DAY);
    for (let attempt = 0; attempt < 5; attempt++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          request(server.url)
            .put(`/api/results/sessions/${sessionId}/candidates/${chen.id}`)
            .set('Authorization', `Bearer ${proctor}`)
            .send({ scores: { theory: String(60 + i), practical: String(70 + i) } }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      const view = (await as(server, proctor).get(`/api/results/sessions/${sessionId}`).expect(200)).body as {
        candidates: { applicationId: string; subjects: { kind: string; score?: number }[] }[];
      };
      const row = view.candidates.filter((c) => c.applicationId === chen.id);
      expect(row).toHaveLength(1);
      // Whichever entry came last stands whole: a theory mark and its practical mark from the same entry.
      const [theory, practical] = ['theory', 'practical'].map((k) => row[0]!.subjects.find((s) => s.kind === k)!.score!);
      expect(practical! - theory!).toBe(10);
    }
  });
});

/**
 * A deadlock made on purpose. The score entry locks the session (shared) and then
 * the candidate's application; a second transaction, heavier so that InnoDB
 * picks the entry as its victim, holds the application and asks for the session.
 */
describe.each(databaseTargets().filter((t) => t.name === 'mariadb'))('a deadlock on purpose, on $name', () => {
  /** A server that runs each transaction `attempts` times at most, and a candidate checked in to its session on results day. */
  async function aCheckedInCandidate(attempts: number) {
    const logs: string[] = [];
    // A database of its own: each of these servers opens its own session on the same day.
    const own = databaseTargets().find((t) => t.name === 'mariadb')!;
    const body = await anExamBody(own, NOW, {
      prefix: `deadlock${attempts}`,
      env: { TRANSACTION_ATTEMPTS: String(attempts) },
      captureLogs: (line) => logs.push(line),
    });
    const chen = await aPaidCandidate(body.server, body.admin, `deadlock-${attempts}`, '陈同学');
    body.server.clock.set(EXAM_MORNING);
    const { ticketNo } = (await as(body.server, chen.token).get(`/api/applications/${chen.id}/ticket`).expect(200)).body as { ticketNo: string };
    await as(body.server, body.proctor).post(`/api/exam-day/sessions/${body.sessionId}/check-ins`, { ticketNo }).expect(200);
    body.server.clock.set(RESULTS_DAY);
    return { ...body, applicationId: chen.id, logs };
  }

  const lines = (logs: string[], event: string) => logs.filter((line) => line.includes(`"event":"${event}"`));

  it('the victim is tried again and its entry succeeds; the loss is logged as a warning with the statement', async () => {
    const { server, proctor, sessionId, applicationId, logs } = await aCheckedInCandidate(4);
    try {
      const answer = await enterWhileDeadlocked(server, proctor, sessionId, applicationId);
      expect(answer.status).toBe(200);
      const retried = lines(logs, 'transaction-retried');
      expect(retried).toHaveLength(1);
      expect(JSON.parse(retried[0]!)).toMatchObject({ level: 'warn', message: { code: 'ER_LOCK_DEADLOCK', attempt: 1, of: 4 } });
      expect(retried[0]).toMatch(/applications/);
      const chen = (answer.body as { candidates: { applicationId: string; subjects: { score?: number }[] }[] }).candidates.find(
        (c) => c.applicationId === applicationId,
      );
      expect(chen?.subjects.map((s) => s.score)).toEqual([81, 82]);
    } finally {
      await server.close();
    }
  });

  it('with the attempts used up: 503 系统繁忙 with Retry-After, a warning, no error, nothing written', async () => {
    const { server, proctor, sessionId, applicationId, logs } = await aCheckedInCandidate(1);
    try {
      const answer = await enterWhileDeadlocked(server, proctor, sessionId, applicationId);
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({ code: 'SYSTEM_BUSY', message: '系统繁忙，请稍后再试' });
      expect(answer.headers['retry-after']).toBe('2');
      expect(lines(logs, 'transaction-gave-up')).toHaveLength(1);
      expect(logs.filter((line) => line.startsWith('{"level":"error"'))).toEqual([]);
      const view = (await as(server, proctor).get(`/api/results/sessions/${sessionId}`).expect(200)).body as {
        candidates: { applicationId: string; subjects: { score?: number }[] }[];
      };
      expect(view.candidates.find((c) => c.applicationId === applicationId)?.subjects.map((s) => s.score)).toEqual([undefined, undefined]);
    } finally {
      await server.close();
    }
  });

  async function enterWhileDeadlocked(server: TestServer, token: string, sessionId: string, applicationId: string) {
    if (server.config.database.kind !== 'mariadb') throw new Error('MariaDB only');
    const other = await connectTo(server.config.database.url);
    try {
      await other.query('CREATE TABLE IF NOT EXISTS ballast (n INT PRIMARY KEY)');
      await other.query('DELETE FROM ballast');
      await other.beginTransaction();
      // Weight: InnoDB rolls back the transaction that has changed fewer rows.
      await other.query(`INSERT INTO ballast (n) VALUES ${Array.from({ length: 500 }, (_, i) => `(${i})`).join(',')}`);
      await other.query('SELECT id FROM applications WHERE id = ? FOR UPDATE', [applicationId]);
      const entry = request(server.url)
        .put(`/api/results/sessions/${sessionId}/candidates/${applicationId}`)
        .set('Authorization', `Bearer ${token}`)
        .send({ scores: { theory: '81', practical: '82' } })
        .then((r) => r);
      await until(
        async () => {
          const [rows] = await other.query(
            "SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE '%applications%'",
          );
          return Number((rows as { n: number }[])[0]!.n) > 0;
          // InnoDB refreshes this table only when it was last read over 0.1 s ago: a faster look sees the same old rows forever.
        },
        'the score entry to wait for the application',
        60,
        250,
      );
      // Closes the circle: the entry holds the session and waits for us; we ask for the session.
      await other.query('UPDATE exam_sessions SET site = site WHERE id = ?', [sessionId]);
      await other.rollback();
      return await entry;
    } finally {
      await other.end();
    }
  }

  it('a burst beyond the pool and its queue is told at once to come back (503 with Retry-After), never left waiting or answered 500', async () => {
    const logs: string[] = [];
    const own = databaseTargets().find((t) => t.name === 'mariadb')!;
    const server = await startServer(own, NOW, { DB_POOL_SIZE: '1', DB_POOL_QUEUE: '1' }, { captureLogs: (line) => logs.push(line) });
    if (server.config.database.kind !== 'mariadb') throw new Error('MariaDB only');
    const other = await connectTo(server.config.database.url);
    const { token } = await aCandidate(server, 'burst-reader');
    try {
      // The one connection is held up by a table lock: the next request queues, the rest find the queue full.
      await other.query('LOCK TABLES auth_sessions WRITE');
      const burst = Array.from({ length: 20 }, () =>
        request(server.url)
          .get('/api/applications')
          .set('Authorization', `Bearer ${token}`)
          .then((r) => r),
      );
      const settled: { status: number; body: { code?: string }; headers: Record<string, string> }[] = [];
      for (const answer of burst) void answer.then((r) => settled.push(r as unknown as (typeof settled)[number]));
      await until(() => settled.length >= 18, 'the refusals', 30, 20);
      expect(settled.map((r) => r.status)).toEqual(Array(18).fill(503));
      expect(settled[0]!.body).toEqual({ code: 'SYSTEM_BUSY', message: '系统繁忙，请稍后再试' });
      expect(settled[0]!.headers['retry-after']).toBe('2');
      await other.query('UNLOCK TABLES');
      const all = await Promise.all(burst);
      expect(all.filter((r) => r.status === 200)).toHaveLength(2);
      expect(logs.filter((line) => line.startsWith('{"level":"error"'))).toEqual([]);
      expect(logs.filter((line) => line.includes('database-pool-saturated'))).toHaveLength(18);
    } finally {
      await other.query('UNLOCK TABLES').catch(() => undefined);
      await other.end();
      await server.close();
    }
  });
});

/**
 * Nothing inside a transaction asks the pool for a second connection: on a pool of one it would wait
 * for itself for good — and a full pool of such transactions (a crowd of approvals) for each other.
 * The whole way of a sitting, with its notices, on a single connection: approval (the review notice
 * reads the openid and spends a credit), payment, the scheduled ticket notices, check-in, marks and
 * publication (the certificate, the results notices).
 */
describe.each(databaseTargets().filter((t) => t.name === 'mariadb'))('a pool of one connection, on $name', () => {
  it('carries a candidate from approval to certificate: every step answers', async () => {
    const own = databaseTargets().find((t) => t.name === 'mariadb')!;
    const { server, admin, proctor, publisher, sessionId } = await anExamBody(own, NOW, { prefix: 'pool1', env: { DB_POOL_SIZE: '1' } });
    try {
      const chen = await aPaidCandidate(server, admin, 'pool1-chen', '陈同学', { subscribe: ['ticket', 'results', 'review'], email: 'chen@example.com' });
      server.clock.set(EXAM_MORNING);
      expect(await server.app.get(ScheduledNotices).schedule()).toBeGreaterThanOrEqual(1);
      const { ticketNo } = (await as(server, chen.token).get(`/api/applications/${chen.id}/ticket`).expect(200)).body as { ticketNo: string };
      await as(server, proctor).post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo }).expect(200);
      server.clock.set(RESULTS_DAY);
      await as(server, proctor)
        .put(`/api/results/sessions/${sessionId}/candidates/${chen.id}`, { scores: { theory: '81', practical: '82' } })
        .expect(200);
      await as(server, publisher).post(`/api/results/sessions/${sessionId}/publish`).expect(200);
      const mine = (await as(server, chen.token).get(`/api/applications/${chen.id}`).expect(200)).body as { state: string; certificate?: { number: string } };
      expect(mine.state).toBe('certified');
      expect(mine.certificate?.number).toBeTruthy();
    } finally {
      await server.close();
    }
  });
});
