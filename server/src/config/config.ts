import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The server's whole configuration, read from the environment once at start-up.
 * A wrong value stops the start with a message naming the variable.
 */
const REPO_ROOT = resolve(__dirname, '..', '..', '..');

// Development defaults: fine on a laptop, refused in production.
const DEV_APPID = 'wx0000000000000000';
const DEV_SECRET = 'skillcert-dev-secret-not-for-production';
const DEV_ENCRYPTION_KEY = Buffer.alloc(32, 'skillcert-dev-encryption-key').toString('base64');
const DEV_HMAC_KEY = Buffer.alloc(32, 'skillcert-dev-hmac-key').toString('base64');
const DEV_ADMIN_PASSWORD = 'skillcert-admin-dev';

function base64Key(name: string, minBytes: number) {
  return z.string().refine((v) => Buffer.from(v, 'base64').length >= minBytes, `${name} must be at least ${minBytes} bytes, base64-encoded`);
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** mysql://user:pass@host:3306/db or mariadb://…; absent → embedded SQLite. */
  DATABASE_URL: z
    .string()
    .regex(/^(mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/, 'DATABASE_URL must look like mysql://user:password@host:3306/database')
    .optional(),
  /** SQLite file for the embedded default; ':memory:' for throwaway runs. */
  SQLITE_PATH: z.string().default(resolve(REPO_ROOT, 'server', 'data', 'skillcert.sqlite')),
  /** Folder of the built H5 app to serve at '/'. */
  H5_DIR: z.string().default(resolve(REPO_ROOT, 'miniprogram', 'dist-h5')),
  /** Demo conveniences (demo data, demo sign-in later). Never in production. */
  DEMO_MODE: booleanFlag,
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  /** WeChat's API. Absent in demo/test mode → the bundled fake WeChat server is started on loopback. */
  WECHAT_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
  WECHAT_APPID: z
    .string()
    .regex(/^wx[0-9a-f]{16}$/, 'WECHAT_APPID must look like wx followed by 16 hex digits')
    .default(DEV_APPID),
  WECHAT_SECRET: z.string().min(16).default(DEV_SECRET),
  /** 32 bytes, base64: AES-256-GCM key for resident ID numbers at rest. */
  DATA_ENCRYPTION_KEY: base64Key('DATA_ENCRYPTION_KEY', 32).default(DEV_ENCRYPTION_KEY),
  /** ≥ 32 bytes, base64: HMAC key for looking ID numbers up without decrypting them. */
  DATA_HMAC_KEY: base64Key('DATA_HMAC_KEY', 32).default(DEV_HMAC_KEY),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /** The first administrator, created at start-up if missing; admins create everyone else in the app. */
  ADMIN_USERNAME: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{2,39}$/, 'ADMIN_USERNAME: 3-40 lower-case letters, digits, . _ -')
    .default('admin'),
  ADMIN_PASSWORD: z.string().min(12, 'ADMIN_PASSWORD must be at least 12 characters').default(DEV_ADMIN_PASSWORD),
  ADMIN_BODY_ID: z.string().default('sh-cpna'),
  /** How often expired seat holds are swept; 0 turns the sweep off (tests drive it themselves). */
  SEAT_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).optional(),
  /** Days an approved candidate has to pay before the held seat is released. */
  PAYMENT_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  /** Test only: the server's clock stands still at this instant, so browser tests do not depend on today's date. */
  FIXED_NOW: z.iso.datetime({ offset: true }).optional(),
});

export type DatabaseKind = 'mariadb' | 'sqlite';

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  database: { kind: 'mariadb'; url: string } | { kind: 'sqlite'; path: string };
  h5Dir: string;
  demoMode: boolean;
  logFormat: 'json' | 'pretty';
  /** apiBase absent: start the fake WeChat server (demo and test only). */
  wechat: { apiBase?: string; appId: string; secret: string };
  personalData: { encryptionKey: Buffer; hmacKey: Buffer };
  sessionTtlHours: number;
  firstAdmin: { username: string; password: string; bodyId: string };
  seatSweepSeconds: number;
  paymentDays: number;
  fixedNow?: Date;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable (DATABASE_URL= in an env file) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const config: AppConfig = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'mariadb', url: e.DATABASE_URL }
      : { kind: 'sqlite', path: e.SQLITE_PATH === ':memory:' || isAbsolute(e.SQLITE_PATH) ? e.SQLITE_PATH : resolve(e.SQLITE_PATH) },
    h5Dir: resolve(e.H5_DIR),
    demoMode: e.DEMO_MODE,
    logFormat: e.LOG_FORMAT,
    wechat: { ...(e.WECHAT_API_BASE ? { apiBase: e.WECHAT_API_BASE.replace(/\/$/, '') } : {}), appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET },
    personalData: { encryptionKey: Buffer.from(e.DATA_ENCRYPTION_KEY, 'base64').subarray(0, 32), hmacKey: Buffer.from(e.DATA_HMAC_KEY, 'base64') },
    sessionTtlHours: e.SESSION_TTL_HOURS,
    firstAdmin: { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD, bodyId: e.ADMIN_BODY_ID },
    seatSweepSeconds: e.SEAT_SWEEP_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 60),
    paymentDays: e.PAYMENT_DAYS,
    ...(e.FIXED_NOW ? { fixedNow: new Date(e.FIXED_NOW) } : {}),
  };
  if (config.fixedNow && config.env !== 'test') throw new ConfigError('FIXED_NOW is for tests only (NODE_ENV=test)');
  if (config.env === 'production') {
    const problems: string[] = [];
    if (config.demoMode) problems.push('  DEMO_MODE must be off in production');
    if (config.database.kind === 'sqlite') problems.push('  DATABASE_URL is required in production (the embedded SQLite is for demos and tests)');
    if (!config.wechat.apiBase) problems.push('  WECHAT_API_BASE is required in production (https://api.weixin.qq.com)');
    if (e.WECHAT_APPID === DEV_APPID || e.WECHAT_SECRET === DEV_SECRET) problems.push("  WECHAT_APPID and WECHAT_SECRET must be the mini program's own");
    if (e.ADMIN_PASSWORD === DEV_ADMIN_PASSWORD) problems.push("  ADMIN_PASSWORD must be set (the first administrator's password)");
    if (e.DATA_ENCRYPTION_KEY === DEV_ENCRYPTION_KEY || e.DATA_HMAC_KEY === DEV_HMAC_KEY)
      problems.push('  DATA_ENCRYPTION_KEY and DATA_HMAC_KEY must be set (openssl rand -base64 32)');
    if (problems.length) throw new ConfigError(`Refusing to start in production with development settings:\n${problems.join('\n')}`);
  }
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
