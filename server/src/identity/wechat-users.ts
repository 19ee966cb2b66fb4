import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, QueryFailedError, type EntityManager, type Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { UserEntity } from './user.entity';

/** The people who signed in with WeChat, by the mini program's openid: whom to order a payment for, whom to notify. */
@Injectable()
export class WechatUsers {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  /** The person behind an openid, made at their first sign-in. */
  async findOrCreate(openid: string, unionid: string | undefined): Promise<UserEntity> {
    const users = this.users;
    const existing = await users.findOneBy({ openid });
    if (existing) return existing;
    try {
      return await users.save({ id: randomUUID(), openid, unionid: unionid ?? null, createdAt: this.clock.now() });
    } catch (error) {
      // Two first sign-ins of one person racing: the unique openid lets one win; both get that row.
      if (error instanceof QueryFailedError) {
        const winner = await users.findOneBy({ openid });
        if (winner) return winner;
      }
      throw error;
    }
  }

  /**
   * The WeChat openid a candidate signed in with (to order a payment, to tell the demo's WeChat what they
   * allowed). `within`: inside the caller's transaction, on its connection — never a second one while
   * holding the first (a full pool of such transactions would wait on each other for good).
   */
  async openidOf(userId: string, within?: EntityManager): Promise<string | undefined> {
    return (await this.openidsOf([userId], within)).get(userId);
  }

  /** The openids of many candidates at once (the ticket notices of a whole session); those without one are left out. */
  async openidsOf(userIds: readonly string[], within?: EntityManager): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const users = within ? within.getRepository(UserEntity) : this.users;
    const rows = await users.find({ where: { id: In([...new Set(userIds)]) }, select: { id: true, openid: true } });
    return new Map(rows.flatMap((row) => (row.openid ? [[row.id, row.openid] as const] : [])));
  }

  /** Holds the candidate's row for the rest of the transaction: what is counted per candidate (their uploads) is counted one change at a time. */
  async lockUser(manager: EntityManager, userId: string): Promise<void> {
    const lock = this.uow.rowLock;
    if (lock) await manager.findOne(UserEntity, { where: { id: userId }, select: { id: true }, lock });
  }
}
