import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';

/**
 * The one place transactions start. better-sqlite3 has a single connection:
 * concurrent transactions would nest as savepoints and interleave, so on SQLite
 * they run one after another. On MariaDB a deadlock victim is retried.
 */
const DEADLOCK_RETRIES = 3;

@Injectable()
export class UnitOfWork {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Row locks exist only on MariaDB; SQLite's serialised transactions need none (and TypeORM refuses them there). */
  get rowLock(): { mode: 'pessimistic_write' } | undefined {
    return this.db.options.type === 'better-sqlite3' ? undefined : { mode: 'pessimistic_write' };
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.db.options.type === 'better-sqlite3') {
      const next = this.sqliteQueue.then(() => this.db.transaction(work));
      this.sqliteQueue = next.catch(() => undefined);
      return next;
    }
    return this.withDeadlockRetry(work);
  }

  private async withDeadlockRetry<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(work);
      } catch (error) {
        const deadlock = error instanceof QueryFailedError && /ER_LOCK_DEADLOCK|ER_LOCK_WAIT_TIMEOUT/.test(String((error as { code?: unknown }).code));
        if (!deadlock || attempt >= DEADLOCK_RETRIES) throw error;
      }
    }
  }
}

/** A unique index refused the row: someone else's transaction got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && /unique|duplicate/i.test(error.message);
}
