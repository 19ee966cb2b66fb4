import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SequenceEntity } from './sequence.entity';
import { UnitOfWork } from './unit-of-work';

/**
 * Running numbers handed out once each, under any concurrency. A sequence's row
 * is locked until the taking transaction ends, so takers queue on it instead of
 * counting rows and racing for the next number (which a snapshot read makes
 * every loser retry, in step, until it gives up).
 */
@Injectable()
export class Sequences {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * The first of the next `count` numbers of `name`, inside the caller's transaction.
   * `floor` gives the highest number used before the sequence existed (numbers issued earlier).
   */
  async take(manager: EntityManager, name: string, count: number, floor: () => Promise<number>): Promise<number> {
    const lock = this.uow.rowLock ? { lock: this.uow.rowLock } : {};
    // A plain read first: a locking read of a row that is not there yet would lock the gap
    // it belongs in, and two takers holding that gap then deadlock on each other's insert.
    if (!(await manager.existsBy(SequenceEntity, { name }))) {
      const start = await floor();
      if (this.uow.rowLock) {
        // Inserted or, when a twin got there first, locked exclusively at once (never shared and then upgraded).
        await manager.query('INSERT INTO number_sequences (name, last) VALUES (?, ?) ON DUPLICATE KEY UPDATE last = last', [name, start]);
      } else {
        await manager.createQueryBuilder().insert().into(SequenceEntity).values({ name, last: start }).orIgnore().execute();
      }
    }
    const row = await manager.findOneOrFail(SequenceEntity, { where: { name }, ...lock });
    await manager.update(SequenceEntity, { name }, { last: row.last + count });
    return row.last + 1;
  }
}

/** The number after `prefix` in the highest of `numbers` that carry it; 0 when none does. */
export function highestSuffix(prefix: string, highest: string | null | undefined): number {
  return highest?.startsWith(prefix) ? Number(highest.slice(prefix.length)) || 0 : 0;
}
