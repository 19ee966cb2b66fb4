import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Work that must not run twice at once across instances (migrations, the rule
 * packs' sync at start-up): on MariaDB under GET_LOCK, and done on the very
 * connection that holds the lock — a pool of one must not wait for itself.
 * Instances that start together take turns; the second finds the work done.
 * SQLite is one process: the work just runs.
 */
export async function withNamedLock<T>(db: DataSource, name: string, work: (manager: EntityManager) => Promise<T>, waitSeconds = 120): Promise<T> {
  if (db.options.type !== 'mariadb' && db.options.type !== 'mysql') return work(db.manager);
  const holder = db.createQueryRunner();
  await holder.connect();
  try {
    const [granted] = (await holder.query('SELECT GET_LOCK(?, ?) AS granted', [name, waitSeconds])) as { granted: number | string | null }[];
    if (Number(granted?.granted) !== 1) throw new Error(`could not take the lock "${name}" within ${waitSeconds} s (another instance holds it)`);
    try {
      return await work(holder.manager);
    } finally {
      await holder.query('SELECT RELEASE_LOCK(?)', [name]);
    }
  } finally {
    await holder.release();
  }
}

/** `withNamedLock` for a service: the lock's name and the work, never the database itself. */
@Injectable()
export class NamedLocks {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  run<T>(name: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return withNamedLock(this.db, name, work);
  }
}
