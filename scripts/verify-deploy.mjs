#!/usr/bin/env node
// What the Dockerfile does, as far as this machine allows (no container registry:
// no base image can be pulled): the production bundle installed in a clean
// folder, booted with NODE_ENV=production against MariaDB, Redis and an
// S3-compatible store, timed from start to a healthy answer (the cold start of a
// replica scaled from zero), then used: an upload lands in the bucket, sealed, and
// comes back whole. Run `npm run build` first; needs MariaDB and Redis running.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleServer } from './bundle-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverRequire = createRequire(join(root, 'server', 'package.json'));
const BOOTS = 3;

const freePort = () =>
  new Promise((ok, no) => {
    const probe = createServer().once('error', no);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });

const work = mkdtempSync(join(tmpdir(), 'skillcert-deploy-'));
const cleanups = [() => rmSync(work, { recursive: true, force: true })];
try {
  // 1. The production install, in a folder that has never seen the repository.
  let started = Date.now();
  // better-sqlite3 would compile for two minutes (no prebuilt binary can be fetched here): the one the repository
  // built is the same Node ABI on the same machine, so it is copied in; the image's build stage compiles its own.
  const app = bundleServer(join(work, 'app'), { npmArgs: ['--prefer-offline', '--ignore-scripts'] });
  const addon = join('node_modules', 'better-sqlite3', 'build', 'Release');
  mkdirSync(join(app, addon), { recursive: true });
  copyFileSync(join(root, addon, 'better_sqlite3.node'), join(app, addon, 'better_sqlite3.node'));
  const installSeconds = (Date.now() - started) / 1000;

  // 2. What it runs against: MariaDB, Redis, an S3-compatible store.
  const mysql = serverRequire('mysql2/promise');
  const database = `skillcert_deploy_${Date.now().toString(36)}`;
  const admin = await mysql.createConnection({ host: '127.0.0.1', user: 'root', password: '' });
  await admin.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  });
  const S3rver = serverRequire('s3rver');
  const s3Dir = join(work, 's3');
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: 'skillcert-deploy', configs: [] }] });
  const { port: s3Port } = await s3.run();
  cleanups.push(() => s3.close());

  // 3. A production configuration: every setting production insists on, none of the development ones.
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const port = await freePort();
  const adminPassword = `deploy-${randomBytes(9).toString('base64url')}`;
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `mysql://root@127.0.0.1:3306/${database}`,
    REDIS_URL: 'redis://127.0.0.1:6379/0',
    REDIS_KEY_PREFIX: `${database}:`,
    FILE_STORE: 's3',
    S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    S3_REGION: 'ap-shanghai',
    S3_BUCKET: 'skillcert-deploy',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    WECHAT_API_BASE: 'https://api.weixin.qq.com',
    WECHAT_APPID: 'wx1234567890abcdef',
    WECHAT_SECRET: randomBytes(16).toString('hex'),
    WECHAT_TEMPLATE_TICKET: 'deployTicketTemplate01',
    WECHAT_TEMPLATE_RESULTS: 'deployResultsTemplate01',
    WECHAT_TEMPLATE_REVIEW: 'deployReviewTemplate01',
    WECHATPAY_API_BASE: 'https://api.mch.weixin.qq.com',
    WECHATPAY_MCHID: '1900000109',
    WECHATPAY_MERCHANT_SERIAL: randomBytes(20).toString('hex').toUpperCase(),
    WECHATPAY_MERCHANT_PRIVATE_KEY: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    WECHATPAY_PLATFORM_PUBLIC_KEY_ID: 'PUB_KEY_ID_0119000001092026000000000001',
    WECHATPAY_PLATFORM_PUBLIC_KEY: platform.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    WECHATPAY_APIV3_KEY: randomBytes(16).toString('hex'),
    PUBLIC_BASE_URL: 'https://skillcert.example.cn',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    DATA_HMAC_KEY: randomBytes(32).toString('base64'),
    ADMIN_PASSWORD: adminPassword,
    // Periodic jobs on, as in production; nothing is due in an empty database, so nothing leaves for WeChat.
  };
  const base = `http://127.0.0.1:${port}`;

  // 4. Boots, timed to the first healthy answer; the first also runs every migration.
  const boots = [];
  let server;
  for (let boot = 0; boot < BOOTS; boot++) {
    started = performance.now();
    server = spawn(process.execPath, [join(app, 'server', 'dist', 'main.js')], { cwd: app, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    server.stderr.on('data', (chunk) => (errors += chunk));
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the bundled server exited (${server.exitCode}):\n${errors}`);
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (performance.now() - started > 60_000) throw new Error('no healthy answer within 60 s');
      await new Promise((r) => setTimeout(r, 25));
    }
    boots.push((performance.now() - started) / 1000);
    if (boot < BOOTS - 1) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
  }
  cleanups.unshift(() => new Promise((r) => (server.exitCode !== null ? r() : (server.once('exit', r), server.kill('SIGTERM')))));

  // 5. Used: a school's upload goes to the bucket, sealed, and comes back whole.
  const json = async (method, path, body, token) => {
    const res = await fetch(base + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const adminToken = (await json('POST', '/api/staff/login', { username: 'admin', password: adminPassword })).token;
  await json('POST', '/api/staff/accounts', { username: 'deploy.school', displayName: '王老师', password: adminPassword, kind: 'institution', institutionName: '部署检查学校' }, adminToken);
  const clerk = (await json('POST', '/api/staff/login', { username: 'deploy.school', password: adminPassword })).token;
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096)]);
  const form = new FormData();
  form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'proof.pdf');
  const uploadRes = await fetch(`${base}/api/files`, { method: 'POST', headers: { Authorization: `Bearer ${clerk}` }, body: form });
  if (uploadRes.status !== 201) throw new Error(`upload: ${uploadRes.status} ${await uploadRes.text()}`);
  const uploaded = await uploadRes.json();
  const back = Buffer.from(await (await fetch(`${base}/api/files/${uploaded.id}`, { headers: { Authorization: `Bearer ${clerk}` } })).arrayBuffer());
  const { S3Client, GetObjectCommand } = serverRequire('@aws-sdk/client-s3');
  const bucket = new S3Client({ endpoint: env.S3_ENDPOINT, region: env.S3_REGION, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const stored = Buffer.from(await (await bucket.send(new GetObjectCommand({ Bucket: 'skillcert-deploy', Key: `uploads/${uploaded.id}` }))).Body.transformToByteArray());
  bucket.destroy();
  if (Buffer.compare(back, pdf) !== 0) throw new Error('the upload came back changed');
  if (stored.includes(pdf.subarray(0, 64))) throw new Error('the bucket holds the upload unsealed');

  console.log(
    `\nproduction bundle: installed in a clean folder in ${installSeconds.toFixed(1)} s; ` +
      `boot to healthy ${boots.map((s) => `${s.toFixed(2)} s`).join(', ')} (first with every migration); ` +
      `an upload stored sealed in the S3-compatible store (${stored.length} bytes) and read back whole`,
  );
} catch (error) {
  console.error(`verify:deploy failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups) await cleanup();
}
