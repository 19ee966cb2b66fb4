import { createConnection, type Connection } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';

/**
 * A database of its own for one test file, under the run's prefix (see the
 * global setup), so suites cannot see each other's rows and the teardown finds them.
 * Undefined when this run has no MariaDB.
 */
export function ownDatabaseUrl(): string | undefined {
  const mysql = process.env.SKILLCERT_TEST_MYSQL_URL;
  if (!mysql) return undefined;
  const url = new URL(mysql);
  url.pathname = `${url.pathname}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

/**
 * What a server on this test database is started with: the database, and Redis under
 * a prefix of the database's own name, so one suite's throttles never count another's.
 */
export function sharedServicesEnv(databaseUrl: string): { DATABASE_URL: string; REDIS_URL: string; REDIS_KEY_PREFIX: string } {
  const redis = process.env.SKILLCERT_TEST_REDIS_URL;
  if (!redis) throw new Error('the global setup names Redis whenever it names MariaDB');
  return { DATABASE_URL: databaseUrl, REDIS_URL: redis, REDIS_KEY_PREFIX: `${new URL(databaseUrl).pathname.slice(1)}:` };
}

export async function createDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const connection = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  await connection.query(`CREATE DATABASE IF NOT EXISTS \`${url.pathname.slice(1)}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
}

/** A connection of the test's own to a server's database: to hold locks the way another transaction would. */
export async function connectTo(databaseUrl: string): Promise<Connection> {
  const url = new URL(databaseUrl);
  return createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
  });
}
