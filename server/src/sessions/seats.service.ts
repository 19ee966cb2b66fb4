import { Injectable } from '@nestjs/common';
import { DomainError, sessionStartsAt } from '@skillcert/shared';
import { randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, IsNull, LessThan, MoreThan, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import { ApplicationRecords, ApplicationStates } from '../applications';
import { Clock } from '../common/clock';
import { highestIssued } from '../database/sequences';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { ExamSessionEntity } from './exam-session.entity';
import { SeatHoldEntity } from './seat-hold.entity';

/** Which seats: every condition given must hold; a list matches any of its values (an empty list, nothing). */
export interface HoldFilter {
  ids?: readonly string[];
  sessionIds?: readonly string[];
  applicationIds?: readonly string[];
  status?: SeatHoldEntity['status'] | readonly SeatHoldEntity['status'][];
  ticketNo?: string;
  /** Held until a moment between the two (inclusive), or, one given, strictly after or before it. */
  heldUntil?: { after?: Date; before?: Date };
  /** Whose ticket notice has not gone out yet. */
  ticketUnnoticed?: true;
}

/**
 * Whether a seat past its deadline must still be kept (a payment that may yet arrive): asked by the sweep,
 * answered by the feature that knows (payments), which registers itself — seats know nothing of payments.
 */
export type HoldKeeper = (manager: EntityManager, applicationId: string) => Promise<boolean>;

/**
 * Seats in exam sessions. A seat is taken by a single conditional UPDATE
 * (`seats_taken < capacity`), so however many approvals race, a session never
 * holds more people than it has seats — on MariaDB and on SQLite alike.
 */
@Injectable()
export class SeatsService {
  private readonly keepers: HoldKeeper[] = [];

  constructor(
    @InjectRepository(SeatHoldEntity) private readonly seatHolds: Repository<SeatHoldEntity>,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly states: ApplicationStates,
    private readonly applications: ApplicationRecords,
  ) {}

  /** See `HoldKeeper`. */
  keepHoldsWhile(keeper: HoldKeeper): void {
    this.keepers.push(keeper);
  }

  /** Seats, for the features that follow a sitting (exam day, tickets, payments, results, notices, finance). */
  async holds<K extends keyof SeatHoldEntity = keyof SeatHoldEntity>(
    filter: HoldFilter,
    options: { select?: readonly K[]; order?: 'ticket' | 'held'; take?: number; within?: EntityManager; lock?: boolean } = {},
  ): Promise<Pick<SeatHoldEntity, K | 'id'>[]> {
    const where = holdWhere(filter);
    if (!where) return [];
    const lock = options.lock ? this.uow.rowLock : undefined;
    return (options.within ? options.within.getRepository(SeatHoldEntity) : this.seatHolds).find({
      where,
      ...(options.select ? { select: Object.fromEntries([['id', true], ...options.select.map((key) => [key, true])]) } : {}),
      ...(options.order ? { order: options.order === 'ticket' ? { ticketNo: 'ASC' } : { createdAt: 'ASC' } } : {}),
      ...(options.take ? { take: options.take } : {}),
      ...(lock ? { lock } : {}),
    });
  }

  /** The application's seat in the given status, if it has one. */
  async holdOf(applicationId: string, status: SeatHoldEntity['status'], within?: EntityManager): Promise<SeatHoldEntity | null> {
    const [hold] = await this.holds({ applicationIds: [applicationId], status }, within ? { within } : {});
    return hold ?? null;
  }

  /** Paid, inside the payment's transaction: the seat is the candidate's. */
  async confirmWithin(manager: EntityManager, applicationId: string): Promise<void> {
    await manager.update(SeatHoldEntity, { applicationId, status: 'held' }, { status: 'confirmed' });
  }

  /** The door: true for the one proctor whose check-in lands; a second one with the same ticket gets false. */
  async claimCheckIn(manager: EntityManager, holdId: string, staffId: string, at: Date): Promise<boolean> {
    const claimed = await manager.update(SeatHoldEntity, { id: holdId, checkedInAt: IsNull() }, { checkedInAt: at, checkedInBy: staffId });
    return Boolean(claimed.affected);
  }

  /** The ticket notice for this seat is being sent by this transaction (false: another one sends it). */
  async claimTicketNotice(manager: EntityManager, holdId: string, at: Date): Promise<boolean> {
    const claimed = await manager.update(SeatHoldEntity, { id: holdId, ticketNoticeAt: IsNull() }, { ticketNoticeAt: at });
    return Boolean(claimed.affected);
  }

  /** The highest ticket number issued under a prefix (a date), for its sequence to start above. */
  highestTicketNo(manager: EntityManager, prefix: string): Promise<number> {
    return highestIssued(manager, SeatHoldEntity, 'ticketNo', prefix);
  }

  async writeTicketNo(manager: EntityManager, holdId: string, ticketNo: string): Promise<void> {
    await manager.update(SeatHoldEntity, { id: holdId }, { ticketNo });
  }

  /**
   * Holds a seat for an application until `heldUntil` (its payment deadline).
   * Every hold in a session first locks the session's row, so holds queue per
   * session in one lock order (no deadlocks), and holding twice is holding once.
   */
  async hold(sessionId: string, applicationId: string, heldUntil: Date): Promise<SeatHoldEntity> {
    try {
      return await this.uow.run(async (manager) => {
        const session = await manager.findOne(ExamSessionEntity, { where: { id: sessionId }, ...(this.uow.rowLock ? { lock: this.uow.rowLock } : {}) });
        if (!session) throw new DomainError('NOT_FOUND');
        // Under the session's lock: a publication or the first subject's start cannot slip in between the check and the seat.
        if (!sessionTakesSeats(session, this.clock.now())) throw new DomainError('SESSION_CLOSED');
        const existing = await manager.findOneBy(SeatHoldEntity, { applicationId });
        if (existing && existing.status !== 'released') return existing;
        await this.takeSeat(manager, sessionId);
        const hold: SeatHoldEntity = {
          id: existing?.id ?? randomUUID(),
          sessionId,
          applicationId,
          status: 'held',
          heldUntil,
          ticketNoticeAt: null,
          ticketNo: null,
          checkedInAt: null,
          checkedInBy: null,
          createdAt: this.clock.now(),
        };
        // A seat in another session is a new ticket: its notice is due again.
        if (existing) await manager.update(SeatHoldEntity, { id: existing.id }, { sessionId, status: 'held', heldUntil, ticketNoticeAt: null, ticketNo: null });
        else await manager.insert(SeatHoldEntity, hold);
        return hold;
      });
    } catch (error) {
      // The same application held in two sessions at once: the unique key lets one win.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.uow.run((manager) => manager.findOneBy(SeatHoldEntity, { applicationId }));
      if (winner && winner.status !== 'released') return winner;
      throw error;
    }
  }

  /** Paid: the seat is the candidate's; no deadline releases it any more. */
  confirm(applicationId: string): Promise<void> {
    return this.uow.run(async (manager) => {
      const result = await manager.update(SeatHoldEntity, { applicationId, status: 'held' }, { status: 'confirmed', heldUntil: null });
      if (!result.affected) throw new DomainError('NOT_FOUND');
    });
  }

  release(applicationId: string): Promise<void> {
    return this.uow.run((manager) => this.releaseWithin(manager, applicationId));
  }

  /**
   * The scheduled sweep: holds past their deadline give their seats back, and
   * their applications expire (逾期未缴费) in the same transaction. Returns how many.
   */
  async releaseExpired(): Promise<number> {
    const expired = await this.uow.run((manager) =>
      manager.find(SeatHoldEntity, { where: { status: 'held', heldUntil: LessThan(this.clock.now()) }, take: 500, select: { applicationId: true } }),
    );
    let released = 0;
    for (const { applicationId } of expired) {
      // Each on its own: a hold paid for in the meantime is confirmed and stays.
      released += await this.uow.run(async (manager) => {
        // The application first, then its seat: the order a payment arriving this very moment takes them in too.
        const application = await this.applications.get(applicationId, { within: manager, lock: true });
        const hold = await manager.findOneBy(SeatHoldEntity, { applicationId, status: 'held', heldUntil: LessThan(this.clock.now()) });
        if (!hold) return 0;
        // A WeChat order WeChat may still have taken money for keeps the seat until the payment check settles or closes it.
        for (const keep of this.keepers) if (await keep(manager, applicationId)) return 0;
        await this.releaseWithin(manager, applicationId);
        if (application?.state === 'approved') {
          await this.states.transition(manager, application, 'expired', { kind: 'system', id: null }, 'system', '缴费期限已过，座位已释放');
        }
        return 1;
      });
    }
    return released;
  }

  private async takeSeat(manager: EntityManager, sessionId: string): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(ExamSessionEntity)
      .set({ seatsTaken: () => 'seats_taken + 1' })
      .where('id = :id AND seats_taken < capacity', { id: sessionId })
      .execute();
    if (!result.affected) throw new DomainError('SEAT_SOLD_OUT');
  }

  /** Gives the application's seat back inside the caller's transaction. */
  async releaseWithin(manager: EntityManager, applicationId: string): Promise<void> {
    const hold = await manager.findOneBy(SeatHoldEntity, { applicationId, status: In(['held', 'confirmed']) });
    if (!hold) return;
    await manager.update(SeatHoldEntity, { id: hold.id }, { status: 'released', heldUntil: null });
    await manager
      .createQueryBuilder()
      .update(ExamSessionEntity)
      .set({ seatsTaken: () => 'seats_taken - 1' })
      .where('id = :id AND seats_taken > 0', { id: hold.sessionId })
      .execute();
  }
}

function holdWhere(filter: HoldFilter): FindOptionsWhere<SeatHoldEntity> | undefined {
  const lists = [filter.ids, filter.sessionIds, filter.applicationIds, Array.isArray(filter.status) ? filter.status : undefined];
  if (lists.some((list) => list && list.length === 0)) return undefined;
  const { after, before } = filter.heldUntil ?? {};
  const heldUntil = after && before ? Between(after, before) : after ? MoreThan(after) : before ? LessThan(before) : undefined;
  return {
    ...(filter.ids ? { id: In([...filter.ids]) } : {}),
    ...(filter.sessionIds ? { sessionId: filter.sessionIds.length === 1 ? filter.sessionIds[0] : In([...filter.sessionIds]) } : {}),
    ...(filter.applicationIds ? { applicationId: filter.applicationIds.length === 1 ? filter.applicationIds[0] : In([...filter.applicationIds]) } : {}),
    ...(filter.status ? { status: typeof filter.status === 'string' ? filter.status : In([...filter.status]) } : {}),
    ...(filter.ticketNo !== undefined ? { ticketNo: filter.ticketNo } : {}),
    ...(heldUntil ? { heldUntil } : {}),
    ...(filter.ticketUnnoticed ? { ticketNoticeAt: IsNull() } : {}),
  };
}

/** A session seats people until its first subject starts, and never once its results are out. */
export function sessionTakesSeats(session: ExamSessionEntity, now: Date): boolean {
  return !session.resultsPublishedAt && now < sessionStartsAt(session);
}
