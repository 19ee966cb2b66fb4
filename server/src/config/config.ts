import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The server's whole configuration, read from the environment once at start-up.
 * A wrong value stops the start with a message naming the variable.
 */
const REPO_ROOT = resolve(__dirname, '..', '..', '..');

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
  };
  if (config.env === 'production') {
    const problems: string[] = [];
    if (config.demoMode) problems.push('  DEMO_MODE must be off in production');
    if (config.database.kind === 'sqlite') problems.push('  DATABASE_URL is required in production (the embedded SQLite is for demos and tests)');
    if (problems.length) throw new ConfigError(`Refusing to start in production with development settings:\n${problems.join('\n')}`);
  }
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
