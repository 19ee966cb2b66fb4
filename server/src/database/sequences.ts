import { Injectable } from '@nestjs/common';
import { Like, type EntityManager, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
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

/**
 * The running number in the highest `column` value that starts with `prefix` — numbers issued before the
 * sequence existed — or 0 when there is none.
 */
export async function highestIssued<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  column: keyof T & string,
  prefix: string,
): Promise<number> {
  const [highest] = await manager.find(entity, {
    where: { [column]: Like(`${prefix}%`) } as FindOptionsWhere<T>,
    order: { [column]: 'DESC' } as FindOptionsOrder<T>,
    take: 1,
  });
  const value: unknown = highest?.[column];
  return typeof value === 'string' && value.startsWith(prefix) ? Number(value.slice(prefix.length)) || 0 : 0;
}
