import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@skillcert/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** The first wait before trying a lost transaction again; each later wait doubles, with jitter so the losers do not collide again in step. */
const RETRY_BASE_MS = 20;

/**
 * The one place transactions start. better-sqlite3 has a single connection:
 * concurrent transactions would nest as savepoints and interleave, so on SQLite
 * they run one after another. On MariaDB the writes are shaped not to deadlock
 * (rows written once, parents locked before children, upserts where a row may
 * exist); a victim of one that remains possible is tried again after a backoff,
 * and when the attempts run out the caller is told the system is busy (503), never 500.
 *
 * Lock order, so that two writers never hold what the other wants: a school's
 * batch, then an application, then what hangs off it (its proof, seat, marks,
 * payments, certificate), then a session's seat count and the number sequences.
 * Work over a whole session (score entry, publication) locks the session first.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger('UnitOfWork');
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Row locks exist only on MariaDB; SQLite's serialised transactions need none (and TypeORM refuses them there). */
  get rowLock(): { mode: 'pessimistic_write' } | undefined {
    return this.db.options.type === 'better-sqlite3' ? undefined : { mode: 'pessimistic_write' };
  }

  /** A shared lock: others may read the row under the same lock, nobody may change it until this transaction ends. */
  get sharedLock(): { mode: 'pessimistic_read' } | undefined {
    return this.db.options.type === 'better-sqlite3' ? undefined : { mode: 'pessimistic_read' };
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
    const attempts = this.config.transactionAttempts;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(work);
      } catch (error) {
        if (!isLockConflict(error)) throw error;
        // The statement that lost, without its parameters: they may carry personal data.
        const lost = { code: error.driverError?.code, statement: error.query?.slice(0, 300), attempt, of: attempts };
        // A lock wait that timed out has already kept the caller waiting for long: trying again would only double it.
        if (attempt >= attempts || lost.code === 'ER_LOCK_WAIT_TIMEOUT') {
          this.logger.warn({ event: 'transaction-gave-up', ...lost });
          throw new DomainError('SYSTEM_BUSY');
        }
        this.logger.warn({ event: 'transaction-retried', ...lost });
        const ceiling = RETRY_BASE_MS * 2 ** (attempt - 1);
        await sleep(ceiling / 2 + Math.random() * (ceiling / 2));
      }
    }
  }
}

type DriverQueryError = QueryFailedError & { driverError?: { code?: string }; query?: string };

/** InnoDB chose this transaction as a deadlock's victim, or it waited too long for a row lock: the whole transaction is rolled back and may be tried again. */
export function isLockConflict(error: unknown): error is DriverQueryError {
  return error instanceof QueryFailedError && /ER_LOCK_DEADLOCK|ER_LOCK_WAIT_TIMEOUT/.test(String((error as DriverQueryError).driverError?.code));
}

/** More requests wait for a database connection than the pool's queue takes (DB_POOL_QUEUE): the server is saturated. */
export function isPoolSaturated(error: unknown): boolean {
  return error instanceof Error && error.message === 'Queue limit reached.';
}

/** A unique index refused the row: someone else's transaction got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && /unique|duplicate/i.test(error.message);
}
