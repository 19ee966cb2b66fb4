#!/usr/bin/env node
// `npm run bench:load [-- --db sqlite] [--seconds 3] [--rounds 3] [--connections 50]`
//
// The server under a crowd, as wrk sees it. Builds nothing: run `npm run build` first.
// Starts the built server (MariaDB + Redis by default, the embedded SQLite with
// --db sqlite), and beside it two baselines answering the very same bytes: raw
// node:http, and a bare Express 5 app doing res.json of the same object. Each
// endpoint is measured against both baselines in the same round, interleaved,
// several rounds; a machine busy with something else slows all three alike, so
// the shares are what to compare, not the raw numbers. Then the crowd cases:
// 1,000 approvals racing for a 50-seat session. Numbers for notes, not tests.
import { Worker } from 'node:worker_threads';
import { execFileSync, fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverRequire = createRequire(join(root, 'server', 'package.json'));

// ---- baselines (this file forked with --baseline raw|express) --------------------------------
if (process.argv[2] === '--baseline') {
  const kind = process.argv[3];
  /** path → the real server's answer, sent by the bench once everything is captured. */
  const answers = new Map();
  const keyOf = (method, url) => `${method} ${url.split('?')[0]}`;
  const ready = (port) => process.send?.({ port });
  process.on('message', (message) => {
    for (const a of message.answers) answers.set(a.key, a);
    process.send?.({ loaded: answers.size });
  });
  if (kind === 'raw') {
    const http = await import('node:http');
    const server = http.createServer((req, res) => {
      const answer = answers.get(keyOf(req.method, req.url));
      req.resume();
      req.on('end', () => {
        if (!answer) return void res.writeHead(404).end();
        res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': answer.bytes.length });
        res.end(Buffer.from(answer.bytes));
      });
    });
    server.listen(0, '127.0.0.1', () => ready(server.address().port));
  } else {
    const express = serverRequire('express');
    const app = express();
    app.disable('x-powered-by');
    app.use(express.json());
    app.all('*splat', (req, res) => {
      const answer = answers.get(keyOf(req.method, req.url));
      if (!answer) return void res.status(404).end();
      res.status(answer.status).json(answer.object);
    });
    const server = app.listen(0, '127.0.0.1', () => ready(server.address().port));
  }
} else {
  await main();
}

// ---- the bench ---------------------------------------------------------------------------------
function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main() {
  const db = option('db', 'mariadb');
  const seconds = Number(option('seconds', '3'));
  const rounds = Number(option('rounds', '3'));
  const connections = Number(option('connections', '50'));
  const mainJs = join(root, 'server', 'dist', 'main.js');
  if (!existsSync(mainJs)) fail('no server build: run `npm run build` first');
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    if (error.code === 'ENOENT') fail('wrk is not installed: apt-get install -y wrk');
  }

  const { FakeWechatServer } = serverRequire('./dist/demo/fake-wechat.server.js');
  const { residentIdCheckChar } = serverRequire('@skillcert/shared');
  const NOW = new Date('2026-03-10T02:00:00Z'); // a Tuesday in Shanghai's March window
  const wechat = new FakeWechatServer({ appId: 'wx0000000000000000', secret: 'skillcert-dev-secret-not-for-production', now: () => NOW.getTime() });
  const wechatUrl = await wechat.start();
  const port = await freePort();
  const cleanups = [() => wechat.stop()];

  const env = {
    ...process.env,
    NODE_ENV: 'test',
    FIXED_NOW: NOW.toISOString(),
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    WECHAT_API_BASE: wechatUrl,
    WECHATPAY_API_BASE: wechatUrl,
    WECHATPAY_MCHID: wechat.pay.credentials.mchid,
    WECHATPAY_MERCHANT_SERIAL: wechat.pay.credentials.merchantSerial,
    WECHATPAY_MERCHANT_PRIVATE_KEY: wechat.pay.credentials.merchantPrivateKey,
    WECHATPAY_PLATFORM_PUBLIC_KEY_ID: wechat.pay.credentials.platform.keyId,
    WECHATPAY_PLATFORM_PUBLIC_KEY: wechat.pay.credentials.platform.publicKey,
    WECHATPAY_APIV3_KEY: wechat.pay.credentials.apiV3Key,
    H5_DIR: join(tmpdir(), 'skillcert-no-h5'),
    LOG_FORMAT: 'json',
    // The bench is one address making thousands of requests; the per-address sign-in limit is not what is measured.
    LOGIN_ATTEMPTS_PER_ADDRESS: '100000',
    // The outbox is worked as in production (tests drive it themselves, so NODE_ENV=test would leave it off).
    OUTBOX_SECONDS: '1',
    // Tickets are drawn ahead as in production (the release minute moves the clock to the eve of a release).
    TICKET_PRINT_SECONDS: '1',
    // The release minute moves the clock five weeks on: sign-ins made today must still hold then.
    SESSION_TTL_HOURS: '2160',
    SESSION_MAX_DAYS: '90',
  };
  // SQLite keeps no count of statements: the request is still sent (its answer is what the baselines send).
  let statements = async (send) => void (await send());
  // Rows written straight into the server's database (MariaDB only): what months of use would leave there.
  let seed;
  if (db === 'mariadb') {
    const mysql = serverRequire('mysql2/promise');
    const name = `skillcert_bench_${Date.now().toString(36)}`;
    const admin = await mysql.createConnection({ host: '127.0.0.1', user: 'root', password: '' });
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    cleanups.push(async () => {
      // --keep: the database stays, to EXPLAIN what the server asked.
      if (process.argv.includes('--keep')) console.log(`(kept database ${name})`);
      else await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    });
    Object.assign(env, { DATABASE_URL: `mysql://root@127.0.0.1:3306/${name}`, REDIS_URL: 'redis://127.0.0.1:6379/0', REDIS_KEY_PREFIX: `${name}:` });
    await admin.query(`USE ${name}`);
    seed = async (sql, params = []) => {
      const [rows] = await admin.query(sql.replaceAll('{db}', name), params);
      return rows;
    };
    // Statements the server sent: MariaDB's count of questions, less the one that asks.
    const questions = async () => Number((await admin.query("SHOW GLOBAL STATUS LIKE 'Questions'"))[0][0].Value);
    statements = async (send) => {
      const before = await questions();
      await send();
      return (await questions()) - before - 1;
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'skillcert-bench-'));
    env.SQLITE_PATH = join(dir, 'bench.sqlite');
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  }

  // BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof': a profile of the server alone.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, mainJs], { env, stdio: ['ignore', process.env.BENCH_SERVER_LOGS ? 'inherit' : 'ignore', 'inherit'] });
  cleanups.unshift(() => new Promise((done) => (server.exitCode !== null ? done() : (server.once('exit', done), server.kill('SIGTERM')))));
  const base = `http://127.0.0.1:${port}`;
  try {
    await until(async () => (await fetch(`${base}/api/health`).catch(() => undefined))?.ok, 60_000, 'the server to start');
    const http = client(base);

    // ---- the people ----
    let idSequence = 0;
    const residentId = () => {
      const first17 = `310109${'2008'}${String(1 + (idSequence % 12)).padStart(2, '0')}15${String(100 + (Math.floor(idSequence++ / 12) % 900)).padStart(3, '0')}`;
      return first17 + residentIdCheckChar(first17);
    };
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
      Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]),
      Buffer.alloc(2048, 7),
      Buffer.from([0xff, 0xd9]),
    ]);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 32)]);
    const FINAL_YEAR = { birthDate: '2008-01-15', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };
    let persona = 0;
    async function aCandidate() {
      const name = '陈同学';
      const code = wechat.issueLoginCode(`bench-${persona++}`);
      const { token } = await http.json('POST', '/api/auth/wechat', { code });
      await http.json('PUT', '/api/me/profile', { name, residentId: residentId() }, token);
      const upload = async (bytes, filename) => (await http.upload('/api/files', bytes, filename, token)).id;
      const body = {
        planId: 'shanghai-2026',
        level: 4,
        facts: FINAL_YEAR,
        materials: [
          { materialId: 'id-card', fileIds: [await upload(jpeg, 'id.jpg')] },
          { materialId: 'eligibility-proof', fileIds: [await upload(pdf, 'proof.pdf')] },
        ],
        commitments: [{ materialId: 'signed-form', signedName: name }],
      };
      return { token, body };
    }
    const many = async (count, make) => {
      const made = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < count) {
            next++;
            made.push(await make());
          }
        }),
      );
      return made;
    };

    const adminToken = (await http.json('POST', '/api/staff/login', { username: 'admin', password: 'skillcert-admin-dev' })).token;
    process.stdout.write(`server on ${db}; preparing candidates…\n`);
    const reader = await aCandidate();
    await http.json('POST', '/api/applications', reader.body, reader.token);
    // Enough fresh candidates for every round of POST /api/applications, and the approval race after.
    // At ~400 applications a second, 3 rounds of 3 s take ~3,600; the race takes the last 1,000.
    // --only race|roster|scores|outbox: that part alone (for profiling one); --only <start of a label>: those endpoints alone.
    const only = option('only', '');
    const applicantsWanted = Number(option('applicants', ['roster', 'scores', 'outbox', 'release'].includes(only) ? '0' : '5000'));
    const started = Date.now();
    const applicants = await many(applicantsWanted, aCandidate);
    // Counted alone, before the crowd: one more candidate's application.
    const spare = await aCandidate();
    // A reviewer's page of 20 decided applications: the same page in every round (the waiting queue grows as the POSTs land).
    for (const a of await many(20, aCandidate)) {
      const { id } = await http.json('POST', '/api/applications', a.body, a.token);
      await http.json('POST', `/api/review/applications/${id}/approve`, {}, adminToken);
    }
    process.stdout.write(`  ${applicants.length} candidates with their uploads in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    const endpoints = [
      { label: 'GET /api/plans', method: 'GET', path: '/api/plans' },
      { label: 'GET /api/plans/shanghai-2026', method: 'GET', path: '/api/plans/shanghai-2026' },
      { label: 'POST …/eligibility', method: 'POST', path: '/api/plans/shanghai-2026/eligibility', body: { level: 4, facts: FINAL_YEAR } },
      { label: 'GET /api/me', method: 'GET', path: '/api/me', token: reader.token },
      { label: 'GET /api/applications (one)', method: 'GET', path: '/api/applications', token: reader.token },
      { label: 'GET review queue (20)', method: 'GET', path: '/api/review/applications?state=approved', token: adminToken },
      { label: 'POST /api/applications', method: 'POST', path: '/api/applications', each: applicants.map((a) => ({ token: a.token, body: a.body })) },
    ];

    // What the server answers, captured once, is what the baselines answer.
    const answers = [];
    for (const e of endpoints) {
      let answer = e.each ? undefined : await http.raw(e.method, e.path, e.body, e.token);
      e.statements = await statements(async () => {
        if (e.each) answer = await http.raw(e.method, e.path, spare.body, spare.token);
        else await http.raw(e.method, e.path, e.body, e.token);
      });
      if (!answer) throw new Error(`no answer for ${e.label}`);
      answers.push({ key: `${e.method} ${e.path}`, status: answer.status, bytes: [...Buffer.from(answer.text)], object: JSON.parse(answer.text) });
      e.bytes = Buffer.byteLength(answer.text);
    }
    const baselines = {};
    for (const kind of ['raw', 'express']) {
      const child = fork(fileURLToPath(import.meta.url), ['--baseline', kind], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      cleanups.push(() => child.kill());
      const childPort = await new Promise((ok) => child.once('message', (m) => ok(m.port)));
      child.send({ answers });
      await new Promise((ok) => child.once('message', ok));
      baselines[kind] = `http://127.0.0.1:${childPort}`;
    }

    const dir = mkdtempSync(join(tmpdir(), 'skillcert-wrk-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    let consumed = 0;
    const ranOut = [];
    const results = endpoints.map(() => ({ server: [], raw: [], express: [] }));
    // --only race: the approval race alone; --only <start of a label>: those endpoints alone (for profiling one).
    const measured = endpoints.filter((e) => !only || (!['race', 'roster', 'scores', 'outbox'].includes(only) && e.label.startsWith(only)));
    for (let round = 0; round < rounds; round++) {
      for (const [i, e] of endpoints.entries()) {
        if (!measured.includes(e)) continue;
        const order = ['raw', 'express', 'server'];
        for (let r = 0; r < round % 3; r++) order.push(order.shift());
        for (const target of order) {
          const url = target === 'server' ? base : baselines[target];
          let requests = [{ token: e.token, body: e.body }];
          if (e.each) {
            // Fresh candidates for the server; the baselines may answer the same request again.
            requests = target === 'server' ? e.each.slice(consumed) : e.each.slice(0, 200);
            if (target === 'server' && requests.length === 0) continue;
          }
          const script = join(dir, `r${round}-${i}-${target}.lua`);
          const once = Boolean(e.each) && target === 'server';
          writeFileSync(script, wrkScript(e.method, e.path, requests, { once }));
          const result = wrk(url, script, seconds, connections);
          // Every place a thread reached was offered (those in flight when wrk stopped too): never offered again.
          if (once) {
            consumed += Math.min(result.offered, requests.length);
            if (consumed >= e.each.length)
              ranOut.push(`${e.label}: fresh candidates used up in round ${round + 1} (its rate is over the ${result.requests} requests it had)`);
          }
          results[i][target].push(result);
        }
      }
      process.stdout.write(`  round ${round + 1}/${rounds} done\n`);
    }

    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const rows = endpoints.map((e, i) => {
      const { server: s, raw, express } = results[i];
      if (s.length === 0) return [e.label, '—'];
      const shares = (baseline) => s.map((m, k) => m.rps / (baseline[k] ?? baseline[0]).rps);
      return [
        e.label,
        median(s.map((m) => m.rps)).toFixed(0),
        `${(median(shares(raw)) * 100).toFixed(1)}%`,
        `${(median(shares(express)) * 100).toFixed(1)}%`,
        `${median(s.map((m) => m.p50)).toFixed(1)} ms`,
        `${median(s.map((m) => m.p99)).toFixed(1)} ms`,
        String(s.reduce((n, m) => n + m.non2xx, 0)),
        e.statements === undefined ? '—' : String(e.statements),
        `${(e.bytes / 1024).toFixed(1)} KB`,
      ];
    });
    console.log(`\n${db}, ${connections} connections, ${seconds} s × ${rounds} rounds, medians; shares of raw node:http and bare Express in the same round`);
    table(['request', 'req/s', 'of raw', 'of Express', 'p50', 'p99', 'non-2xx', 'SQL', 'answer'], rows);
    for (const line of ranOut) console.log(`(${line}; prepare more with --applicants)`);

    // wrk took candidates from the front (and some were in flight when it stopped): the race takes from the back.
    if (!only || only === 'roster') await rosterImports(http, adminToken, residentId);
    if (!only || only === 'race') await approvalRace(http, adminToken, applicants.slice(consumed).slice(-1000));
    if (!only || only === 'scores')
      await (seed ? scoreSheetImport(http, adminToken, seed) : console.log('\nscore sheet of 10,000 rows: MariaDB only (seeded with SQL)'));
    if (!only || only === 'outbox') await (seed ? outboxDelivery(wechat, seed) : console.log('\n10,000 ticket notices: MariaDB only (seeded with SQL)'));
    // Last: it moves the server's clock to the release and the results of a session in April.
    if (!only || only === 'release')
      await (seed
        ? releaseAndResults(http, adminToken, seed, wechat)
        : console.log('\nthe ticket-release and results minutes: MariaDB only (seeded with SQL)'));
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

/** 1,000 approvals at once onto a 50-seat session: how many seated, how long the slowest waited. */
async function approvalRace(http, adminToken, fresh) {
  const ids = [];
  for (const a of fresh) {
    const { status, text } = await http.raw('POST', '/api/applications', a.body, a.token);
    if (status === 201) ids.push(JSON.parse(text).id);
  }
  // Topped up from the applications the POST rounds left waiting.
  for (const item of await http.json('GET', '/api/review/applications', undefined, adminToken))
    if (ids.length < 1000 && !ids.includes(item.id)) ids.push(item.id);
  if (ids.length < 1000) console.log(`\n(only ${ids.length} applications to approve: prepare more with --applicants)`);
  const session = await http.json(
    'POST',
    '/api/sessions',
    { planId: 'shanghai-2026', date: '2026-03-27', site: '天宝路879号B楼', levels: [4], capacity: 50 },
    adminToken,
  );
  const started = performance.now();
  const waits = await Promise.all(
    ids.map(async (id) => {
      const t0 = performance.now();
      try {
        const res = await fetch(`${http.base}/api/review/applications/${id}/approve`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
          body: '{}',
        });
        await res.arrayBuffer();
        return { ms: performance.now() - t0, status: res.status };
      } catch (error) {
        return { ms: performance.now() - t0, status: error.cause?.code ?? error.message };
      }
    }),
  );
  const total = performance.now() - started;
  const sessions = await http.json('GET', '/api/sessions?planId=shanghai-2026', undefined, adminToken);
  const raced = sessions.find((s) => s.id === session.id);
  const seated = raced ? raced.capacity - raced.seatsLeft : undefined;
  const sorted = waits.map((w) => w.ms).sort((a, b) => a - b);
  const statuses = {};
  for (const w of waits) statuses[w.status] = (statuses[w.status] ?? 0) + 1;
  console.log(
    `\n${ids.length} concurrent approvals onto a 50-seat session: seated ${seated ?? '?'}, all answered in ${(total / 1000).toFixed(2)} s; ` +
      `median wait ${(sorted[Math.floor(sorted.length / 2)] / 1000).toFixed(2)} s, p99 ${(sorted[Math.floor(sorted.length * 0.99)] / 1000).toFixed(2)} s; statuses ${JSON.stringify(statuses)}`,
  );
}

/** A school declares 2,000 students: four rosters of 500 (the most one upload takes), each a real .xlsx, timed end to end. */
async function rosterImports(http, adminToken, residentId) {
  const ExcelJS = serverRequire('exceljs');
  await http.json(
    'POST',
    '/api/staff/accounts',
    { username: 'bench.school', displayName: '王老师', password: 'bench-school-2026', kind: 'institution', institutionName: '上海市某职业技术学校' },
    adminToken,
  );
  const clerk = (await http.json('POST', '/api/staff/login', { username: 'bench.school', password: 'bench-school-2026' })).token;
  const times = [];
  let accepted = 0;
  for (let b = 0; b < 4; b++) {
    const batch = await http.json('POST', '/api/institution/batches', { planId: 'shanghai-2026', level: 4, name: `2026届客服${b + 1}班` }, clerk);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('报名名单');
    sheet.addRow(['姓名*', '身份证号*', '手机号*', '院校类型', '专业', '毕业日期', '在读应届']);
    const CHARS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬东南西北金木水火土山川日月星';
    for (let i = 0; i < 500; i++)
      sheet.addRow([
        `学员${CHARS[(b * 500 + i) % 40]}${CHARS[Math.floor((b * 500 + i) / 40) % 40]}`,
        residentId(),
        `139${String(10000000 + b * 500 + i).slice(-8)}`,
        '中等职业学校',
        '本专业',
        '',
        '是',
      ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const started = performance.now();
    const answer = await http.upload(`/api/institution/batches/${batch.id}/roster`, bytes, 'roster.xlsx', clerk);
    times.push(performance.now() - started);
    accepted += answer.accepted;
    if (answer.accepted !== 500) console.log(`  batch ${b + 1}: ${answer.accepted} accepted, first issue ${JSON.stringify(answer.issues?.[0])}`);
  }
  console.log(
    `\nroster of 2,000 students in four uploads of 500: ${accepted} accepted in ${(times.reduce((a, b) => a + b, 0) / 1000).toFixed(2)} s (each ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s)`,
  );
}

/**
 * A proctor imports the marks of 10,000 candidates in one sheet (more than a session
 * seats — 2,000 at most — so this is five full sessions' worth in one file). The
 * candidates are seeded with SQL, copies of one real application, seated and
 * checked in; the sheet is the server's own template, filled in. Timed end to end,
 * first import and a second one over marks already there.
 */
async function scoreSheetImport(http, adminToken, seed) {
  const ExcelJS = serverRequire('exceljs');
  const ROWS = 10_000;
  const session = await http.json(
    'POST',
    '/api/sessions',
    { planId: 'shanghai-2026', date: '2026-03-28', site: '天宝路879号C楼', levels: [4], capacity: 2000 },
    adminToken,
  );
  const [template] = await seed("SELECT id FROM applications WHERE channel = 'individual' AND level = 4 ORDER BY created_at LIMIT 1");
  if (!template) fail('no application to copy for the score sheet');
  const columns = (
    await seed(
      "SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{db}' AND TABLE_NAME = 'applications' ORDER BY ORDINAL_POSITION",
    )
  ).map((c) => c.name);
  const copy = {
    id: "CONCAT('bench-sheet-', LPAD(s.seq, 5, '0'))",
    active_key: 'NULL',
    resident_id_hash: "SHA2(CONCAT('bench-sheet-', s.seq), 256)",
    applicant_name: "CONCAT('考生', s.seq)",
    state: "'checked_in'",
    user_id: 'NULL',
    makeup_of: 'NULL',
  };
  const started = performance.now();
  await seed(
    `INSERT INTO applications (${columns.map((c) => `\`${c}\``).join(', ')}) SELECT ${columns.map((c) => copy[c] ?? `a.\`${c}\``).join(', ')} FROM applications a, seq_0_to_${ROWS - 1} s WHERE a.id = ?`,
    [template.id],
  );
  await seed(
    `INSERT INTO seat_holds (id, session_id, application_id, status, held_until, ticket_notice_at, ticket_no, checked_in_at, checked_in_by, created_at)
     SELECT CONCAT('bench-hold-', LPAD(seq, 5, '0')), ?, CONCAT('bench-sheet-', LPAD(seq, 5, '0')), 'confirmed', NULL, NULL, CONCAT('26032', LPAD(seq, 5, '0')), ?, NULL, ?
     FROM seq_0_to_${ROWS - 1}`,
    [session.id, new Date('2026-03-28T01:00:00Z'), new Date('2026-03-01T01:00:00Z')],
  );
  const seeded = performance.now() - started;

  const sheetStarted = performance.now();
  const templateBytes = await http.bytes(`/api/results/sessions/${session.id}/template`, adminToken);
  const templateMs = performance.now() - sheetStarted;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(templateBytes);
  const sheet = workbook.worksheets[0];
  const subjects = sheet.getRow(1).cellCount - 2;
  let filled = 0;
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    for (let c = 0; c < subjects; c++) row.getCell(3 + c).value = 60 + ((number * 7 + c * 13) % 41);
    filled++;
  });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const times = [];
  for (const attempt of ['first', 'again']) {
    const t0 = performance.now();
    const answer = await http.upload(`/api/results/sessions/${session.id}/scores`, bytes, `成绩-${attempt}.xlsx`, adminToken);
    times.push(performance.now() - t0);
    if (answer.imported !== filled) fail(`score sheet: ${answer.imported} of ${filled} imported; first issue ${JSON.stringify(answer.issues?.[0])}`);
  }
  const [{ stored }] = await seed('SELECT COUNT(*) AS stored FROM exam_results WHERE session_id = ?', [session.id]);
  console.log(
    `\nscore sheet of ${filled.toLocaleString('en')} rows (${(bytes.length / 1024).toFixed(0)} KB, ${subjects} subjects): imported in ${(times[0] / 1000).toFixed(2)} s, ` +
      `again over the same marks in ${(times[1] / 1000).toFixed(2)} s; ${Number(stored).toLocaleString('en')} rows stored ` +
      `(its template of ${filled.toLocaleString('en')} rows made in ${(templateMs / 1000).toFixed(2)} s; seeding ${(seeded / 1000).toFixed(2)} s)`,
  );
}

/**
 * 10,000 ticket notices waiting in the outbox, as the day a session's tickets open
 * leaves them (one accepted subscription each at the fake WeChat): the server's own
 * worker sends them. Timed from the moment they are due until the last is recorded
 * sent; WeChat must have received each exactly once.
 */
async function outboxDelivery(wechat, seed) {
  const { ticketNoticeData } = serverRequire('@skillcert/shared');
  const COUNT = 10_000;
  const templateId = 'dev-template-ticket-available';
  const received = () => wechat.subscribeMessages.filter((m) => m.touser.startsWith('o-bench-'));
  for (let i = 0; i < COUNT; i++) wechat.acceptSubscription(`o-bench-${i}`, templateId);
  const payload = JSON.stringify({
    page: 'packages/account/application/index?id=bench',
    data: ticketNoticeData({ planId: 'shanghai-2026', level: 4, sessionDate: '2026-03-27', site: '天宝路879号B楼' }),
  });
  const due = new Date('2026-03-10T02:00:00Z');
  await seed(
    `INSERT INTO outbox (id, kind, channel, user_id, recipient, template_id, payload, dedupe_key, state, attempts, next_attempt_at, lease_until, outcome, sent_at, created_at)
     SELECT CONCAT('bench-outbox-', LPAD(seq, 5, '0')), 'ticket', 'wechat', NULL, CONCAT('o-bench-', seq), ?, ?, CONCAT('ticket:bench-', seq, ':wechat'), 'pending', 0, ?, NULL, NULL, NULL, ?
     FROM seq_0_to_${COUNT - 1}`,
    [templateId, payload, due, due],
  );
  const started = performance.now();
  const states = async () =>
    Object.fromEntries(
      (await seed("SELECT state, COUNT(*) AS n FROM outbox WHERE dedupe_key LIKE 'ticket:bench-%' GROUP BY state")).map((r) => [r.state, Number(r.n)]),
    );
  let counted = {};
  await until(
    async () => {
      counted = await states();
      return (counted.sent ?? 0) + (counted.failed ?? 0) >= COUNT;
    },
    300_000,
    'the outbox to send 10,000 notices',
  );
  const seconds = (performance.now() - started) / 1000;
  const messages = received();
  const distinct = new Set(messages.map((m) => m.touser)).size;
  console.log(
    `\n${COUNT.toLocaleString('en')} ticket notices through the outbox: ${(counted.sent ?? 0).toLocaleString('en')} sent, ${counted.failed ?? 0} failed, in ${seconds.toFixed(2)} s ` +
      `(${Math.round(COUNT / seconds)}/s); WeChat received ${messages.length.toLocaleString('en')}, ${distinct.toLocaleString('en')} different people`,
  );
}

/**
 * The ticket-release minute (issue 32): N candidates seated in one session (seeded with SQL, each signed
 * in for real), the clock moved to the eve of the release (the server draws every ticket ahead: timed),
 * then to 00:00:30 of the release day, when 500 and then all N open ticket.pdf at the same moment, each
 * with their own sign-in; health is asked every 50 ms meanwhile. Then the results minute: every sitting
 * checked in, a score sheet imported by one admin, published by another, and all N open their
 * application (with its results) at once.
 */
async function releaseAndResults(http, adminToken, seed, wechat) {
  const SEATS = Number(option('seats', '2000'));
  const { ticketOpen, addDays } = serverRequire('@skillcert/shared');
  const ExcelJS = serverRequire('exceljs');
  const date = '2026-04-17';
  const session = await http.json('POST', '/api/sessions', { planId: 'shanghai-2026', date, site: '天宝路879号D楼', levels: [4], capacity: SEATS }, adminToken);
  const people = new Array(SEATS);
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let i = next++; i < SEATS; i = next++) {
        const { token, me } = await http.json('POST', '/api/auth/wechat', { code: wechat.issueLoginCode(`bench-release-${i}`) });
        people[i] = { token, userId: me.userId, applicationId: `bench-rel-${String(i).padStart(5, '0')}`, ticketNo: `260417${String(i + 1).padStart(4, '0')}` };
      }
    }),
  );
  const [template] = await seed("SELECT id FROM applications WHERE channel = 'individual' AND level = 4 ORDER BY created_at LIMIT 1");
  if (!template) fail('no application to copy for the release');
  const columns = (
    await seed(
      "SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{db}' AND TABLE_NAME = 'applications' ORDER BY ORDINAL_POSITION",
    )
  ).map((c) => c.name);
  await seed('CREATE TEMPORARY TABLE bench_release (seq INT PRIMARY KEY, user_id VARCHAR(36))');
  for (let i = 0; i < SEATS; i += 500)
    await seed(
      `INSERT INTO bench_release VALUES ${people
        .slice(i, i + 500)
        .map(() => '(?, ?)')
        .join(', ')}`,
      people.slice(i, i + 500).flatMap((p, k) => [i + k, p.userId]),
    );
  const copy = {
    id: "CONCAT('bench-rel-', LPAD(r.seq, 5, '0'))",
    active_key: 'NULL',
    resident_id_hash: "SHA2(CONCAT('bench-rel-', r.seq), 256)",
    applicant_name: "CONCAT('考生', r.seq)",
    state: "'paid'",
    user_id: 'r.user_id',
    makeup_of: 'NULL',
  };
  await seed(
    `INSERT INTO applications (${columns.map((c) => `\`${c}\``).join(', ')}) SELECT ${columns.map((c) => copy[c] ?? `a.\`${c}\``).join(', ')} FROM applications a JOIN bench_release r WHERE a.id = ?`,
    [template.id],
  );
  await seed(
    `INSERT INTO seat_holds (id, session_id, application_id, status, held_until, ticket_notice_at, ticket_no, checked_in_at, checked_in_by, created_at)
     SELECT CONCAT('bench-rhold-', LPAD(seq, 5, '0')), ?, CONCAT('bench-rel-', LPAD(seq, 5, '0')), 'confirmed', NULL, NOW(), CONCAT('260417', LPAD(seq + 1, 4, '0')), NULL, NULL, ?
     FROM bench_release`,
    [session.id, new Date('2026-03-01T01:00:00Z')],
  );
  await seed('UPDATE exam_sessions SET seats_taken = ? WHERE id = ?', [SEATS, session.id]);

  // Health asked every 50 ms while `work` runs: the slowest answer. Asked from a thread of its own: this
  // process is also the crowd, and its own busy loop would otherwise be counted as the server's slowness.
  const withHealth = async (work) => {
    const probe = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       let running = true, slowest = 0;
       parentPort.on('message', () => (running = false));
       (async () => {
         while (running) {
           const t0 = performance.now();
           await fetch(workerData + '/api/health').then((r) => r.arrayBuffer());
           slowest = Math.max(slowest, performance.now() - t0);
           await new Promise((r) => setTimeout(r, 50));
         }
         parentPort.postMessage(slowest);
       })();`,
      { eval: true, workerData: http.base },
    );
    const slowest = new Promise((resolve) => probe.once('message', resolve));
    const result = await work().finally(() => probe.postMessage('stop'));
    const worst = await slowest;
    // Its kept-alive connection would hold the thread (and this process) open.
    await probe.terminate();
    return { ...result, slowest: worst };
  };
  const clock = (now) => http.json('PUT', '/__test/clock', { now: now.toISOString() });
  const opensOn = ticketOpen(date, '2026-03-10').opensOn;
  const shanghai = (isoDate, hhmmss) => new Date(`${isoDate}T${hhmmss}+08:00`);

  // The eve: the printer draws every ticket ahead.
  const kept = async () => Number((await seed("SELECT COUNT(*) AS n FROM ticket_documents WHERE document_key LIKE 'seat:bench-rhold-%'"))[0].n);
  const ahead = await withHealth(async () => {
    const t0 = performance.now();
    await clock(shanghai(addDays(opensOn, -1), '12:00:00'));
    await until(async () => (await kept()) >= SEATS, 900_000, `the ${SEATS} tickets drawn ahead`);
    return { seconds: (performance.now() - t0) / 1000 };
  });

  // 00:00:30 of the release day: everyone at once.
  await clock(shanghai(opensOn, '00:00:30'));
  const release = async (count) =>
    withHealth(async () => {
      const t0 = performance.now();
      const answers = await Promise.all(
        people.slice(0, count).map(async (p) => {
          const s0 = performance.now();
          const res = await fetch(`${http.base}/api/applications/${p.applicationId}/ticket.pdf`, { headers: { Authorization: `Bearer ${p.token}` } });
          const bytes = Buffer.from(await res.arrayBuffer());
          const ms = performance.now() - s0;
          const named = (res.headers.get('content-disposition') ?? '').includes(encodeURIComponent(`准考证-${p.ticketNo}.pdf`));
          return { ok: res.status === 200 && bytes.subarray(0, 5).toString('latin1') === '%PDF-' && named, ms };
        }),
      );
      const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
      return {
        all: (performance.now() - t0) / 1000,
        p50: ms[Math.floor(ms.length / 2)],
        p99: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.99))],
        wrong: answers.filter((a) => !a.ok).length,
      };
    });
  const rows = [];
  for (const count of [500, SEATS]) {
    const r = await release(count);
    rows.push([
      `${count} open ticket.pdf at once`,
      `${r.all.toFixed(2)} s`,
      `${(r.p50 / 1000).toFixed(2)} s`,
      `${(r.p99 / 1000).toFixed(2)} s`,
      String(r.wrong),
      `${r.slowest.toFixed(0)} ms`,
    ]);
  }
  console.log(
    `\nthe release minute: ${SEATS} tickets drawn ahead on the eve in ${ahead.seconds.toFixed(1)} s (health at worst ${ahead.slowest.toFixed(0)} ms meanwhile)`,
  );
  table(['at once', 'all answered', 'p50', 'p99', 'wrong', 'health, slowest'], rows);

  // The results minute: everyone sat; one admin enters the sheet, another publishes; everyone looks at once.
  await seed("UPDATE applications SET state = 'checked_in' WHERE id LIKE 'bench-rel-%'");
  // The morning after: a session's results may be published once its day is over.
  await clock(shanghai(addDays(date, 1), '09:00:00'));
  const templateBytes = await http.bytes(`/api/results/sessions/${session.id}/template`, adminToken);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(templateBytes);
  const sheet = workbook.worksheets[0];
  const subjects = sheet.getRow(1).cellCount - 2;
  sheet.eachRow((row, number) => {
    if (number > 1) for (let c = 0; c < subjects; c++) row.getCell(3 + c).value = 55 + ((number * 7 + c * 13) % 45);
  });
  await http.upload(`/api/results/sessions/${session.id}/scores`, Buffer.from(await workbook.xlsx.writeBuffer()), '成绩.xlsx', adminToken);
  await http.json(
    'POST',
    '/api/staff/accounts',
    { username: 'bench.publisher', displayName: '发布人', password: 'bench-publisher-2026', kind: 'staff', roles: ['admin'] },
    adminToken,
  );
  const publisher = (await http.json('POST', '/api/staff/login', { username: 'bench.publisher', password: 'bench-publisher-2026' })).token;
  let busy = 0;
  const published = await withHealth(async () => {
    const t0 = performance.now();
    await http.json('POST', `/api/results/sessions/${session.id}/publish`, {}, publisher);
    return { seconds: (performance.now() - t0) / 1000 };
  });
  const looked = await withHealth(async () => {
    const t0 = performance.now();
    const answers = await Promise.all(
      people.map(async (p) => {
        const s0 = performance.now();
        // As the app does: 系统繁忙 (503) is asked again after its Retry-After.
        let res;
        for (let attempt = 0; ; attempt++) {
          res = await fetch(`${http.base}/api/applications/${p.applicationId}`, { headers: { Authorization: `Bearer ${p.token}` } });
          if (res.status !== 503 || attempt === 5) break;
          busy++;
          await res.arrayBuffer();
          await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? '2') * 1000));
        }
        const view = await res.json();
        return { ok: res.status === 200 && ['assessed', 'certified'].includes(view.state) && Boolean(view.result), ms: performance.now() - s0 };
      }),
    );
    const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
    return {
      all: (performance.now() - t0) / 1000,
      p50: ms[Math.floor(ms.length / 2)],
      p99: ms[Math.floor(ms.length * 0.99)],
      wrong: answers.filter((a) => !a.ok).length,
    };
  });
  const results = [
    `${SEATS} open their results at once`,
    `${looked.all.toFixed(2)} s`,
    `${(looked.p50 / 1000).toFixed(2)} s`,
    `${(looked.p99 / 1000).toFixed(2)} s`,
    String(looked.wrong),
    `${looked.slowest.toFixed(0)} ms`,
  ];
  console.log(
    `\nthe results minute: ${SEATS} results published in ${published.seconds.toFixed(2)} s (health at worst ${published.slowest.toFixed(0)} ms meanwhile); ` +
      `${busy} answers of 系统繁忙 asked again after Retry-After, as the app does`,
  );
  table(['at once', 'all answered', 'p50', 'p99', 'wrong', 'health, slowest'], [results]);
}

// ---- helpers -----------------------------------------------------------------------------------
function fail(message) {
  console.error(message);
  process.exit(1);
}

async function until(check, ms, what) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function freePort() {
  return new Promise((ok, no) => {
    const probe = createServer();
    probe.once('error', no);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

function client(base) {
  const headers = (token, type) => ({ ...(type ? { 'Content-Type': type } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) });
  const raw = async (method, path, body, token, attempt = 0) => {
    try {
      const res = await fetch(base + path, {
        method,
        headers: headers(token, body ? 'application/json' : undefined),
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, text: await res.text() };
    } catch (error) {
      // A kept-alive socket the server closed while idle (the pool may hold a dozen after a quiet minute): the request never arrived.
      if (attempt < 40 && ['EPIPE', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(error.cause?.code)) return raw(method, path, body, token, attempt + 1);
      throw error;
    }
  };
  return {
    base,
    raw,
    async json(method, path, body, token) {
      const { status, text } = await raw(method, path, body, token);
      if (status >= 300) throw new Error(`${method} ${path}: ${status} ${text}`);
      return JSON.parse(text);
    },
    async bytes(path, token) {
      const res = await fetch(base + path, { headers: headers(token) });
      if (res.status >= 300) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return Buffer.from(await res.arrayBuffer());
    },
    async upload(path, bytes, filename, token) {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: 'application/octet-stream' }), filename);
      const res = await fetch(base + path, { method: 'POST', headers: headers(token), body: form });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`upload: ${res.status} ${text}`);
      return JSON.parse(text);
    },
  };
}

/**
 * A wrk script that walks its requests in turn, one list per thread. `once`: each is used once, and a
 * thread stops when its share is answered (wrk's rate is over the time it ran) — a fast server never
 * sends a used candidate's application again; otherwise the list goes round (the baselines answer anything).
 */
function wrkScript(method, path, requests, { once = false } = {}) {
  const lua = (s) => JSON.stringify(s ?? '');
  const list = requests.map((r) => `{${lua(r.token ? `Bearer ${r.token}` : '')}, ${lua(r.body ? JSON.stringify(r.body) : '')}}`).join(',\n');
  return `
local requests = {${list}}
local once = ${once ? 'true' : 'false'}
local threads, started = 0, {}
-- Global, not local: done() reads each thread's own through thread:get.
counter = 0
function setup(thread) thread:set("id", threads); threads = threads + 1; table.insert(started, thread) end
function init(args) counter = id end
function request()
  local index = counter % #requests
  -- Used up: the last again (answered as a duplicate) until the thread stops on the next answer.
  if once and counter >= #requests then index = #requests - 1 end
  local r = requests[index + 1]
  counter = counter + 2
  local headers = { ["Accept-Encoding"] = "gzip" }
  if r[1] ~= "" then headers["Authorization"] = r[1] end
  if r[2] ~= "" then headers["Content-Type"] = "application/json" end
  return wrk.format(${lua(method)}, ${lua(path)}, headers, r[2] ~= "" and r[2] or nil)
end
${once ? 'function response() if counter >= #requests then wrk.thread:stop() end end' : ''}
-- The threads walk the list at their own pace (one the even places, one the odd): what was offered
-- is everything below the furthest of them, whatever the total count says.
function done()
  local furthest = 0
  for _, thread in ipairs(started) do furthest = math.max(furthest, thread:get("counter")) end
  io.write("offered up to " .. furthest .. "\\n")
end
`;
}

function wrk(url, script, seconds, connections) {
  const out = execFileSync('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, url], { encoding: 'utf8' });
  const ms = (value, unit) => Number(value) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? 1);
  const latency = (pct) => {
    const m = out.match(new RegExp(`\\s${pct}%\\s+([\\d.]+)(us|ms|s)`));
    return m ? ms(m[1], m[2]) : NaN;
  };
  const requests = Number(out.match(/(\d+) requests in/)?.[1] ?? 0);
  return {
    requests,
    offered: Number(out.match(/offered up to (\d+)/)?.[1] ?? 0),
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? 0),
    p50: latency(50),
    p99: latency(99),
    non2xx: Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0),
  };
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c ?? '').padEnd(widths[i]) : String(c ?? '').padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
