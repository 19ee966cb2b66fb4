import type { INestApplication, LoggerService } from '@nestjs/common';
import { residentIdCheckChar } from '@skillcert/shared';
import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { crc32 } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app';
import { FixedClock } from '../src/common/clock';
import { loadConfig, type AppConfig } from '../src/config/config';
import { FakeWechatServer } from '../src/demo/fake-wechat.server';
import { createDatabase, freePort, ownDatabaseUrl, sharedServicesEnv } from '@skillcert/test-support';

export interface DatabaseTarget {
  name: 'sqlite' | 'mariadb';
  env: Record<string, string>;
}

/** Every database the suites run against: SQLite always, MariaDB whenever the global setup made a database for it. */
export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: 'sqlite', env: { SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'skillcert-')), 'test.sqlite') } }];
  const mysql = ownDatabaseUrl();
  // SKILLCERT_TEST_POOL_SIZE=1: every server on one connection — a transaction that asks the pool for a second one hangs its test.
  const pool = process.env.SKILLCERT_TEST_POOL_SIZE;
  if (mysql) targets.push({ name: 'mariadb', env: { ...sharedServicesEnv(mysql), ...(pool ? { DB_POOL_SIZE: pool } : {}) } });
  return targets;
}

export interface TestServer {
  app: INestApplication;
  config: AppConfig;
  clock: FixedClock;
  url: string;
  /** The fake WeChat this server talks to, for issuing codes and injecting failures. */
  wechat: FakeWechatServer;
  close: () => Promise<void>;
}

/** Every line the server logs, as text — to prove what never reaches the logs. */
class CapturingLogger implements LoggerService {
  constructor(private readonly sink: (line: string) => void) {}
  private write(level: string, message: unknown, params: unknown[]) {
    this.sink(JSON.stringify({ level, message: message instanceof Error ? message.stack : message, params }));
  }
  log(message: unknown, ...params: unknown[]) {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('verbose', message, params);
  }
}

/** What points a server at a fake WeChat: its API, and WeChat Pay with the fake's merchant keys. */
export function fakeWechatEnv(wechat: FakeWechatServer, url: string): Record<string, string> {
  const merchant = wechat.pay.credentials;
  return {
    WECHAT_API_BASE: url,
    WECHATPAY_API_BASE: url,
    WECHATPAY_MCHID: merchant.mchid,
    WECHATPAY_MERCHANT_SERIAL: merchant.merchantSerial,
    WECHATPAY_MERCHANT_PRIVATE_KEY: merchant.merchantPrivateKey,
    ...(merchant.platform.mode === 'publicKey'
      ? { WECHATPAY_PLATFORM_PUBLIC_KEY_ID: merchant.platform.keyId, WECHATPAY_PLATFORM_PUBLIC_KEY: merchant.platform.publicKey }
      : {}),
    WECHATPAY_APIV3_KEY: merchant.apiV3Key,
  };
}

/** A real server on a loopback port, on a real database, with a clock the test controls. */
export async function startServer(
  target: DatabaseTarget,
  now: Date,
  env: Record<string, string> = {},
  options: { captureLogs?: (line: string) => void; payPlatform?: 'publicKey' | 'certificates'; openApiService?: boolean } = {},
): Promise<TestServer> {
  if (target.env.DATABASE_URL) await createDatabase(target.env.DATABASE_URL);
  const base = loadConfig({ NODE_ENV: 'test' });
  const clock = new FixedClock(now);
  // WeChat's side of the scenario lives on the same day as ours: codes, payments.
  const wechat = new FakeWechatServer({
    appId: base.wechat.appId,
    secret: base.wechat.secret,
    now: () => clock.now().getTime(),
    payPlatform: options.payPlatform ?? 'publicKey',
    ...(options.openApiService ? { openApiService: true } : {}),
  });
  const wechatUrl = await wechat.start();
  // A known port before listening: WeChat Pay's notify_url must name it.
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    ...fakeWechatEnv(wechat, wechatUrl),
    H5_DIR: join(tmpdir(), 'skillcert-no-h5'),
    FILES_DIR: mkdtempSync(join(tmpdir(), 'skillcert-files-')),
    ...target.env,
    // Every server counts its throttles afresh, as a single process always did; a test of sharing names one prefix for both.
    ...(target.env.REDIS_KEY_PREFIX ? { REDIS_KEY_PREFIX: `${target.env.REDIS_KEY_PREFIX}${randomBytes(4).toString('hex')}:` } : {}),
    ...env,
  });
  // SKILLCERT_TEST_LOGS=1 shows the server's own log lines while debugging a test.
  const logger = options.captureLogs ? { logger: new CapturingLogger(options.captureLogs) } : process.env.SKILLCERT_TEST_LOGS ? {} : { logger: false as const };
  const app = await createApp(config, { clock, checkAnswers: true, ...logger });
  await app.listen(port, '127.0.0.1');
  const close = async () => {
    await app.close();
    await wechat.stop();
  };
  return { app, config, clock, url: await app.getUrl(), wechat, close };
}

let idSequence = 0;

/** A valid resident ID number for a birth date ('YYYYMMDD'); every call gives a new person. */
export function aResidentId(birth = '20080901'): string {
  const first17 = `310109${birth}${String(100 + (idSequence++ % 900)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A PNG chunk: length, type, data, CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
}

/**
 * Files whose structure the server reads — a JPEG's segments from its start to its end marker, a PNG's
 * chunks to IEND, a PDF's header — with 2 KB of picture data inside and nothing around it to strip.
 */
export const SAMPLE_FILES = {
  jpeg: Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]),
    Buffer.alloc(2048, 7),
    Buffer.from([0xff, 0xd9]),
  ]),
  png: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0])),
    pngChunk('IDAT', Buffer.alloc(2048, 7)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]),
  pdf: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 32)]),
};

export async function uploadFile(server: TestServer, token: string, kind: keyof typeof SAMPLE_FILES = 'jpeg'): Promise<string> {
  const res = await request(server.url)
    .post('/api/files')
    .set('Authorization', `Bearer ${token}`)
    .attach('file', SAMPLE_FILES[kind], { filename: `proof.${kind}`, contentType: 'application/octet-stream' })
    .expect(201);
  return res.body.id;
}

export interface Proof {
  materials: { materialId: string; fileIds: string[] }[];
  commitments: { materialId: string; signedName: string }[];
}

/** Shanghai's two uploads (ID card, eligibility proof) and the signed form, for a candidate named `name`. */
export async function shanghaiProof(server: TestServer, token: string, name = '陈同学'): Promise<Proof> {
  return {
    materials: [
      { materialId: 'id-card', fileIds: [await uploadFile(server, token, 'jpeg')] },
      { materialId: 'eligibility-proof', fileIds: [await uploadFile(server, token, 'pdf')] },
    ],
    commitments: [{ materialId: 'signed-form', signedName: name }],
  };
}

/** Requests carrying one caller's token. */
export function as(server: TestServer, token: string) {
  const auth = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
  return {
    get: (path: string) => auth(request(server.url).get(path)),
    post: (path: string, body: object = {}) => auth(request(server.url).post(path)).send(body),
    put: (path: string, body: object) => auth(request(server.url).put(path)).send(body),
    upload: (path: string, bytes: Buffer, filename = 'upload.bin') => auth(request(server.url).post(path)).attach('file', bytes, filename),
  };
}

/** A candidate signed in with WeChat who has recorded their real name. */
export async function aCandidate(
  server: TestServer,
  persona: string,
  birth?: string,
  name = '陈同学',
): Promise<{ token: string; userId: string; residentId: string; proof: Proof }> {
  const { body } = await request(server.url)
    .post('/api/auth/wechat')
    .send({ code: server.wechat.issueLoginCode(persona) })
    .expect(200);
  const residentId = aResidentId(birth);
  await request(server.url).put('/api/me/profile').set('Authorization', `Bearer ${body.token}`).send({ name, residentId }).expect(200);
  return { token: body.token, userId: body.me.userId, residentId, proof: await shanghaiProof(server, body.token, name) };
}

/** The phone number WeChat verified for a candidate (the fake's code for it, then the real exchange). */
export async function bindWechatPhone(server: TestServer, token: string, phone: string): Promise<void> {
  const { code } = (await as(server, token).post('/api/me/phone/demo-code', { phone }).expect(200)).body as { code: string };
  await as(server, token).post('/api/me/phone', { code }).expect(200);
}

/** A staff member the admin creates, signed in: their token. Password derived from the username (tests only). */
export async function aStaffMember(server: TestServer, adminToken: string, username: string, displayName: string, roles: string[]): Promise<string> {
  const password = `${username}-pass-2026`;
  await as(server, adminToken).post('/api/staff/accounts', { username, displayName, password, kind: 'staff', roles }).expect(201);
  return (await request(server.url).post('/api/staff/login').send({ username, password }).expect(200)).body.token as string;
}

/** Waits for a condition to hold, looking every `everyMs`: tests wait on what they need, never on a guessed time. */
export async function until(condition: () => Promise<boolean> | boolean, what: string, seconds = 120, everyMs = 50): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A JSON POST sent from a given loopback address (all of 127.0.0.0/8 reaches the server): a caller on another machine. */
export function postFrom(server: TestServer, localAddress: string, path: string, payload: object): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = JSON.stringify(payload);
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
