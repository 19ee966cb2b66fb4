import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Agent, get as httpGet } from 'node:http';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { FakeWechatServer } from '../src/demo/fake-wechat.server';
import { aResidentId, fakeWechatEnv, SAMPLE_FILES, until } from './harness';
import { connectTo, createDatabase, freePort, ownDatabaseUrl, sharedServicesEnv } from '@skillcert/test-support';

/**
 * Production's shape on one machine: two server processes (the built server)
 * behind nginx, sharing MariaDB and Redis and nothing else — each its own
 * memory, its own disk folder. What must hold across them is asked through
 * the balancer, and where it matters, of each instance directly.
 */
const MAIN = resolve(__dirname, '..', 'dist', 'main.js');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const NOW = '2026-03-10T02:00:00.000Z';
const ADMIN = { username: 'many.admin', password: 'many-admin-password-2026' };
const ELIGIBILITY = JSON.stringify({ level: 5, facts: { birthDate: '2000-01-01', intendsToWork: true } });
const FINAL_YEAR = { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };

const databaseUrl = ownDatabaseUrl();
const required = process.env.REQUIRE_MYSQL === '1';
if (required && !NGINX) throw new Error('nginx is required for the many-instance test in CI (apt-get install nginx-light)');
const maybe = databaseUrl && NGINX ? describe : describe.skip;

maybe('two instances behind nginx, sharing MariaDB and Redis', () => {
  const wechat = new FakeWechatServer({ appId: 'wx0000000000000000', secret: 'skillcert-dev-secret-not-for-production', now: () => Date.parse(NOW) });
  const children: ChildProcess[] = [];
  let nginx: ChildProcess | undefined;
  let balancer = '';
  const instances: string[] = [];
  let admin = '';

  beforeAll(async () => {
    await createDatabase(databaseUrl!);
    const wechatUrl = await wechat.start();
    const [portA, portB, front] = [await freePort(), await freePort(), await freePort()];
    balancer = `http://127.0.0.1:${front}`;
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      FIXED_NOW: NOW,
      HOST: '127.0.0.1',
      ...sharedServicesEnv(databaseUrl!),
      REDIS_KEY_PREFIX: `${new URL(databaseUrl!).pathname.slice(1)}:many:`,
      TRUST_PROXY: 'loopback',
      PUBLIC_BASE_URL: balancer,
      ...fakeWechatEnv(wechat, wechatUrl),
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      LOGIN_ATTEMPTS_PER_ADDRESS: '5',
      // Every periodic job on, on both instances at once, as in production.
      OUTBOX_SECONDS: '0.2',
      NOTICE_SCHEDULE_SECONDS: '1',
      SEAT_SWEEP_SECONDS: '1',
      PAYMENT_CHECK_SECONDS: '1',
      FILE_SWEEP_SECONDS: '1',
      H5_DIR: join(tmpdir(), 'skillcert-no-h5'),
      LOG_FORMAT: 'json',
    };
    // Both at once, as a platform starts a new version's instances: migrations and start-up seeding must not trip over each other.
    for (const port of [portA, portB]) {
      const child = spawn(process.execPath, [MAIN], {
        env: { ...env, PORT: String(port), FILES_DIR: mkdtempSync(join(tmpdir(), 'skillcert-instance-')) },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let errors = '';
      child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.once('exit', (code) => code && process.stderr.write(`instance on ${port} exited ${code}:\n${errors}\n`));
      children.push(child);
      instances.push(`http://127.0.0.1:${port}`);
    }
    for (const url of instances) await until(async () => (await fetch(`${url}/api/health`).catch(() => undefined))?.ok === true, `${url} to start`, 60, 200);

    const dir = mkdtempSync(join(tmpdir(), 'skillcert-nginx-'));
    chmodSync(dir, 0o777);
    writeFileSync(
      join(dir, 'nginx.conf'),
      `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  client_max_body_size 20m;
  upstream skillcert { server 127.0.0.1:${portA}; server 127.0.0.1:${portB}; keepalive 16; keepalive_timeout 60s; }
  server {
    listen 127.0.0.1:${front};
    location / {
      proxy_pass http://skillcert;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
    );
    const check = spawnSync(NGINX!, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}`);
    nginx = spawn(NGINX!, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    await until(async () => (await fetch(`${balancer}/api/health`).catch(() => undefined))?.ok === true, 'nginx to answer', 30, 100);
    admin = (await request(balancer).post('/api/staff/login').send(ADMIN).expect(200)).body.token as string;
  }, 120_000);

  afterAll(async () => {
    const exited = (child: ChildProcess) =>
      new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM'))));
    await Promise.all([...children, ...(nginx ? [nginx] : [])].map(exited));
    await wechat.stop();
  });

  const via = (base: string, token: string) => ({
    get: (path: string) => request(base).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(base).post(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  let persona = 0;
  /** A candidate signed in, with a profile and an application submitted — every request through the balancer. */
  async function anApplicant(): Promise<{ token: string; id: string; openid: string }> {
    const who = `many-${persona++}`;
    const { token } = (
      await request(balancer)
        .post('/api/auth/wechat')
        .send({ code: wechat.issueLoginCode(who) })
        .expect(200)
    ).body as { token: string };
    await request(balancer).put('/api/me/profile').set('Authorization', `Bearer ${token}`).send({ name: '陈同学', residentId: aResidentId() }).expect(200);
    // They allow one message about the review's outcome.
    const { templates } = (await via(balancer, token).get('/api/me/subscriptions').expect(200)).body as { templates: { kind: string; templateId: string }[] };
    await via(balancer, token)
      .post('/api/me/subscriptions', { choices: templates.map((t) => ({ templateId: t.templateId, choice: t.kind === 'review' ? 'accept' : 'reject' })) })
      .expect(200);
    const upload = async (bytes: Buffer, name: string) =>
      (await request(balancer).post('/api/files').set('Authorization', `Bearer ${token}`).attach('file', bytes, name).expect(201)).body.id as string;
    const applied = await via(balancer, token)
      .post('/api/applications', {
        planId: 'shanghai-2026',
        level: 4,
        facts: FINAL_YEAR,
        materials: [
          { materialId: 'id-card', fileIds: [await upload(SAMPLE_FILES.jpeg, 'id.jpg')] },
          { materialId: 'eligibility-proof', fileIds: [await upload(SAMPLE_FILES.pdf, 'proof.pdf')] },
        ],
        commitments: [{ materialId: 'signed-form', signedName: '陈同学' }],
      })
      .expect(201);
    return { token, id: applied.body.id as string, openid: wechat.openidFor(who) };
  }

  it('the balancer spreads requests over both instances', async () => {
    const upstreams = new Set<string>();
    for (let i = 0; i < 6; i++) upstreams.add((await request(balancer).get('/api/health').expect(200)).headers['x-upstream'] as string);
    expect(upstreams.size).toBe(2);
  });

  it('a payment notification arriving at both instances, several times, pays once', async () => {
    // A session of its own, a week earlier: the seat race below has its 50 seats to itself.
    await via(balancer, admin)
      .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-03-20', site: '天宝路879号A楼', levels: [4], capacity: 1 })
      .expect(201);
    const { token, id } = await anApplicant();
    await via(balancer, admin).post(`/api/review/applications/${id}/approve`).expect(200);
    const order = (await via(balancer, token).post(`/api/applications/${id}/payments/wechat`).expect(200)).body as { outTradeNo: string };
    // Four copies at once through the balancer: both instances receive some.
    const statuses = await wechat.pay.pay(order.outTradeNo, { copies: 4 });
    expect(statuses.every((s) => s === 200 || s === 204)).toBe(true);
    const view = (await via(balancer, token).get(`/api/applications/${id}`).expect(200)).body as { state: string; timeline: { to: string }[] };
    expect(view.state).toBe('paid');
    expect(view.timeline.filter((e) => e.to === 'paid')).toHaveLength(1);
  });

  it("60 approvals racing for a 50-seat session through the balancer seat exactly 50, and both instances' workers tell each candidate once", async () => {
    const session = await via(balancer, admin)
      .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-03-27', site: '天宝路879号B楼', levels: [4], capacity: 50 })
      .expect(201);
    const applicants: { id: string; openid: string }[] = [];
    for (let i = 0; i < 6; i++) applicants.push(...(await Promise.all(Array.from({ length: 10 }, () => anApplicant()))));
    const answers = await Promise.all(applicants.map((a) => via(balancer, admin).post(`/api/review/applications/${a.id}/approve`)));
    expect(answers.map((r) => r.status)).toEqual(applicants.map(() => 200));
    expect(new Set(answers.map((r) => r.headers['x-upstream'])).size).toBe(2);
    const seated = answers.filter((r) => (r.body as { seat?: unknown }).seat).length;
    const sessions = (await via(balancer, admin).get('/api/sessions?planId=shanghai-2026').expect(200)).body as { id: string; seatsLeft: number }[];
    expect({ seated, seatsLeft: sessions.find((s) => s.id === session.body.id)?.seatsLeft }).toEqual({ seated: 50, seatsLeft: 0 });

    // Both instances' outbox workers work the same queue: each candidate is told of the approval exactly once.
    const toldOf = (openid: string) => wechat.subscribeMessages.filter((m) => m.touser === openid).length;
    await until(() => applicants.every((a) => toldOf(a.openid) >= 1), 'every approval notice', 60, 100);
    // The queue worked through: nothing left that either instance could send again.
    const db = await connectTo(databaseUrl!);
    try {
      const unsent = async () => ((await db.query("SELECT COUNT(*) AS n FROM outbox WHERE state <> 'sent'")) as unknown as [{ n: number }[]])[0][0]!.n;
      await until(async () => Number(await unsent()) === 0, 'the outbox to be worked through', 60, 100);
    } finally {
      await db.end();
    }
    expect(applicants.map((a) => toldOf(a.openid))).toEqual(applicants.map(() => 1));
  }, 120_000);

  it('the sign-in throttle counts attempts on both instances together, per client the balancer names', async () => {
    const attempt = (client: string) =>
      request(balancer).post('/api/staff/login').set('X-Forwarded-For', client).send({ username: 'nobody.here', password: 'wrong-password' });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await attempt('203.0.113.9'));
    expect(new Set(answers.map((r) => r.headers['x-upstream'])).size).toBe(2);
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(answers[5]!.body.code).toBe('TOO_MANY_REQUESTS');
    // Someone else behind the same balancer is not refused for it.
    expect((await attempt('198.51.100.4')).status).toBe(401);
  });

  it('idle gaps of 4 to 70 s between requests: never a reset — the instances keep idle connections longer than nginx does', async () => {
    // Each instance says how long it keeps an idle connection, and keeps one 6 s idle (Node's default closed it at 5 s).
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const direct = () =>
        new Promise<{ status: number; keepAlive: string | undefined; socket: unknown }>((resolve, reject) =>
          httpGet(`${instances[0]}/api/health`, { agent }, (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, keepAlive: String(res.headers['keep-alive']), socket: res.socket }));
          }).on('error', reject),
        );
      const first = await direct();
      expect(first).toMatchObject({ status: 200, keepAlive: 'timeout=65' });
      await new Promise((resolve) => setTimeout(resolve, 6000));
      const again = await direct();
      expect(again.status).toBe(200);
      expect(again.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
    // POSTs, which nginx does not send again on another connection when one fails: a reset would show as 502.
    const ask = () =>
      fetch(`${balancer}/api/plans/shanghai-2026/eligibility`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ELIGIBILITY });
    const statuses: number[] = [];
    // Around Node's default of 5 s (where the race was), then past nginx's own 60 s.
    for (const gap of [4, 4.95, 5, 5.05, 6, 70]) {
      await new Promise((resolve) => setTimeout(resolve, gap * 1000));
      // Four at once: every idle connection to both instances is taken again.
      statuses.push(...(await Promise.all(Array.from({ length: 4 }, () => ask().then((r) => r.status)))));
    }
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  }, 150_000);

  it('a file uploaded through one instance is read through the other', async () => {
    const who = `many-file-${persona++}`;
    const { token } = (
      await request(instances[0]!)
        .post('/api/auth/wechat')
        .send({ code: wechat.issueLoginCode(who) })
        .expect(200)
    ).body as { token: string };
    const uploaded = await request(instances[0]!)
      .post('/api/files')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', SAMPLE_FILES.png, 'photo.png')
      .expect(201);
    const read = await request(instances[1]!).get(`/api/files/${uploaded.body.id}`).set('Authorization', `Bearer ${token}`).buffer(true).expect(200);
    expect(Buffer.compare(read.body as Buffer, SAMPLE_FILES.png)).toBe(0);
  });
});
