import { Injectable } from '@nestjs/common';
import { DomainError, sessionStartsAt } from '@skillcert/shared';
import { randomUUID } from 'node:crypto';
import { In, LessThan, type EntityManager } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import { ApplicationStates } from '../applications/application-states';
import { Clock } from '../common/clock';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { ExamSessionEntity } from './exam-session.entity';
import { PaymentEntity } from '../payments/payment.entity';
import { SeatHoldEntity } from './seat-hold.entity';

/**
 * Seats in exam sessions. A seat is taken by a single conditional UPDATE
 * (`seats_taken < capacity`), so however many approvals race, a session never
 * holds more people than it has seats — on MariaDB and on SQLite alike.
 */
@Injectable()
export class SeatsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly states: ApplicationStates,
  ) {}

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
        const application = await manager.findOne(ApplicationEntity, { where: { id: applicationId }, ...(this.uow.rowLock ? { lock: this.uow.rowLock } : {}) });
        const hold = await manager.findOneBy(SeatHoldEntity, { applicationId, status: 'held', heldUntil: LessThan(this.clock.now()) });
        if (!hold) return 0;
        // A WeChat order WeChat may still have taken money for keeps the seat until the payment check settles or closes it.
        if (await manager.existsBy(PaymentEntity, { applicationId, state: 'pending' })) return 0;
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

/** A session seats people until its first subject starts, and never once its results are out. */
export function sessionTakesSeats(session: ExamSessionEntity, now: Date): boolean {
  return !session.resultsPublishedAt && now < sessionStartsAt(session);
}
