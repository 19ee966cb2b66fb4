import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { MIGRATIONS } from './migrations';

/** Migrations always — never `synchronize` — on MariaDB and on the embedded SQLite alike. */
export function dataSourceOptions(database: AppConfig['database'], entities: DataSourceOptions['entities']): DataSourceOptions {
  const common = { entities, migrations: MIGRATIONS, migrationsRun: true, synchronize: false, logging: false } as const;
  if (database.kind === 'mariadb') {
    // TypeORM's 'mariadb' driver, not 'mysql': with 'mysql' a MariaDB schema diff sees phantom changes.
    return {
      ...common,
      type: 'mariadb',
      url: database.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      connectTimeout: 5000,
      // mysql2 captures a stack trace on every query to decorate a possible error: 5% of the server's time under a crowd.
      // Our errors are logged where they are caught, with the statement; the driver's extra frames add nothing there.
      trace: false,
      ...(database.poolSize ? { poolSize: database.poolSize } : {}),
      // A full queue refuses at once (see isPoolSaturated): a burst is told to come back, not kept waiting.
      // Hot reads are prepared once per connection (see readRows); a small cache keeps MariaDB's global count of them low.
      extra: { maxPreparedStatements: 64, ...(database.queueLimit ? { queueLimit: database.queueLimit } : {}) },
    };
  }
  // WAL: readers no longer wait for a commit's fsync; a writer that finds the file busy waits up to 5 s rather than failing.
  return { ...common, type: 'better-sqlite3', database: database.path, enableWAL: database.path !== ':memory:', timeout: 5000 };
}
