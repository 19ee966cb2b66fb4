import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';

/**
 * Checks that MariaDB answers and names this run's databases (each e2e file
 * gets its own, see harness.ts) — or, when MySQL is required (CI sets
 * REQUIRE_MYSQL=1) and none answers, fails the run instead of quietly testing
 * SQLite alone.
 */
const DEFAULT_URL = 'mysql://root@127.0.0.1:3306/test';
/** A server on MariaDB shares its throttles through Redis (configuration insists), so the MariaDB suite needs both. */
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379/0';

async function redisAnswers(url: string): Promise<string | undefined> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    redis.disconnect();
  }
}

export default async function globalSetup(): Promise<void> {
  const url = new URL(process.env.TEST_DATABASE_URL ?? DEFAULT_URL);
  const required = process.env.REQUIRE_MYSQL === '1';
  try {
    const connection = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      connectTimeout: 3000,
    });
    await connection.end();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (required) throw new Error(`MariaDB/MySQL is required (REQUIRE_MYSQL=1) but ${url.host} did not answer: ${reason}`);
    process.stderr.write(`\n!! MariaDB/MySQL at ${url.host} not reachable (${reason}): the MySQL e2e suite is SKIPPED; SQLite only.\n\n`);
    return;
  }
  const redisUrl = process.env.TEST_REDIS_URL ?? DEFAULT_REDIS_URL;
  const redisProblem = await redisAnswers(redisUrl);
  if (redisProblem) {
    if (required) throw new Error(`Redis is required with MariaDB (REQUIRE_MYSQL=1) but ${redisUrl} did not answer: ${redisProblem}`);
    process.stderr.write(`\n!! Redis at ${redisUrl} not reachable (${redisProblem}): the MySQL e2e suite is SKIPPED; SQLite only.\n\n`);
    return;
  }
  process.env.SKILLCERT_TEST_REDIS_URL = redisUrl;
  url.pathname = `/skillcert_test_${process.pid}_${Date.now().toString(36)}`;
  process.env.SKILLCERT_TEST_MYSQL_URL = url.toString();
}
