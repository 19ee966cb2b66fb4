import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { bookableVisitSlots, DomainError, findBookableSlot, getPlan, visitBookable, type VisitSlotView, visitsRequired } from '@skillcert/shared';
import { randomInt } from 'node:crypto';
import { In, type EntityManager, type Repository } from 'typeorm';
import { ApplicationRecords } from '../applications';
import { type CandidateActor, Access } from '../access';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { VisitBookingEntity, VisitSlotEntity } from './visit.entity';

/** No 0/O, 1/I/L: a code read aloud or typed at the counter is never misread. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;

function newVisitCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/**
 * Visits to the acceptance point, where a Shanghai individual applicant shows
 * the ID original. A slot's places are taken by one conditional UPDATE, like
 * exam seats, so a slot never takes more people than it has room for.
 */
@Injectable()
export class VisitsService {
  constructor(
    @InjectRepository(VisitBookingEntity) private readonly visitBookings: Repository<VisitBookingEntity>,
    @InjectRepository(VisitSlotEntity) private readonly visitSlots: Repository<VisitSlotEntity>,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly applications: ApplicationRecords,
    private readonly access: Access,
  ) {}

  async slots(planId: string): Promise<VisitSlotView[]> {
    const capacity = getPlan(planId).acceptancePoint?.visits?.capacity ?? 0;
    const slots = bookableVisitSlots(planId, this.clock.now());
    if (slots.length === 0) return [];
    const taken = await this.visitSlots.findBy({ planId, slotStart: In(slots.map((s) => s.startsAt)) });
    const takenAt = new Map(taken.map((t) => [t.slotStart, t.taken]));
    return slots.map((slot) => ({ ...slot, left: Math.max(0, capacity - (takenAt.get(slot.startsAt) ?? 0)) }));
  }

  /** Books (or moves) the visit of an application that is still waiting for its decision. */
  async book(actor: CandidateActor, applicationId: string, startsAt: string): Promise<void> {
    const before = await this.access.get(actor, 'application', applicationId);
    const slot = findBookableSlot(before.planId, startsAt, this.clock.now());
    if (!slot) throw new DomainError(visitsRequired(before.planId) ? 'VISIT_SLOT_UNAVAILABLE' : 'VISIT_NOT_NEEDED');
    // The slot's counter row exists before any transaction counts on it: racing first
    // bookings then queue on one row lock instead of deadlocking on an insert's gap locks.
    await this.visitSlots.createQueryBuilder().insert().values({ planId: before.planId, slotStart: slot.startsAt, taken: 0 }).orIgnore().execute();
    await this.uow.run(async (manager) => {
      const application = await this.applications.mustGet(applicationId, { within: manager });
      if (application.channel !== 'individual' || !visitsRequired(application.planId)) throw new DomainError('VISIT_NOT_NEEDED');
      if (!visitBookable(application)) {
        throw new DomainError('VISIT_AFTER_VERDICT');
      }
      const existing = await manager.findOneBy(VisitBookingEntity, { applicationId });
      if (existing?.slotStart === slot.startsAt) return;
      await this.take(manager, application.planId, slot.startsAt);
      if (existing) {
        await this.give(manager, existing.planId, existing.slotStart);
        await manager.update(VisitBookingEntity, { applicationId }, { slotStart: slot.startsAt });
      } else {
        await manager.insert(VisitBookingEntity, {
          applicationId,
          planId: application.planId,
          slotStart: slot.startsAt,
          code: newVisitCode(),
          createdAt: this.clock.now(),
        });
      }
    });
  }

  async cancel(actor: CandidateActor, applicationId: string): Promise<void> {
    await this.uow.run(async (manager) => {
      await this.access.require(actor, 'application', [applicationId], manager);
      const existing = await manager.findOneBy(VisitBookingEntity, { applicationId });
      if (!existing) return;
      await this.give(manager, existing.planId, existing.slotStart);
      await manager.delete(VisitBookingEntity, { applicationId });
    });
  }

  /** The application a visit code belongs to (the counter's scan), or undefined. */
  async applicationIdOf(code: string): Promise<string | undefined> {
    const booking = await this.visitBookings.findOneBy({ code: code.trim().toUpperCase() });
    return booking?.applicationId;
  }

  private async take(manager: EntityManager, planId: string, slotStart: string): Promise<void> {
    const capacity = getPlan(planId).acceptancePoint?.visits?.capacity ?? 0;
    const result = await manager
      .createQueryBuilder()
      .update(VisitSlotEntity)
      .set({ taken: () => 'taken + 1' })
      .where('plan_id = :planId AND slot_start = :slotStart AND taken < :capacity', { planId, slotStart, capacity })
      .execute();
    if (!result.affected) throw new DomainError('VISIT_SLOT_FULL');
  }

  private async give(manager: EntityManager, planId: string, slotStart: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(VisitSlotEntity)
      .set({ taken: () => 'taken - 1' })
      .where('plan_id = :planId AND slot_start = :slotStart AND taken > 0', { planId, slotStart })
      .execute();
  }
}
