import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError, sessionServesApplication } from '@skillcert/shared';
import { type Repository } from 'typeorm';
import { type ApplicationEntity, ApplicationRecords, ApplicationIntake } from '../applications';
import { JoinedReads } from '../database/joined-rows';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ExamSessionEntity } from './exam-session.entity';
import { SeatsService, sessionTakesSeats } from './seats.service';

/**
 * Which seat an approved application gets: the earliest session of its plan and
 * level that can serve it (shared rule) with a seat free, held until the payment
 * deadline. No seat anywhere: it waits, and is seated first when one frees or a
 * session is added.
 */
@Injectable()
export class SeatAllocator {
  constructor(
    private readonly applications: ApplicationRecords,
    private readonly joined: JoinedReads,
    @InjectRepository(ExamSessionEntity) private readonly examSessions: Repository<ExamSessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly seats: SeatsService,
    private readonly intake: ApplicationIntake,
  ) {}

  /** `known`: the application as its approval just wrote it (saves reading it again). */
  async seat(applicationId: string, known?: ApplicationEntity): Promise<boolean> {
    const application = known ?? (await this.applications.mustGet(applicationId));
    if (application.state !== 'approved') return false;
    // A person under a ban takes no seat from anyone (recording the ban ends the application; this covers the moment between).
    if (await this.intake.activeBan(application.residentIdHash)) return false;
    const sessions = await this.examSessions.find({ where: { planId: application.planId }, order: { date: 'ASC', createdAt: 'ASC' } });
    const deadline = new Date(this.clock.now().getTime() + this.config.paymentDays * 86_400_000);
    for (const session of sessions) {
      if (!session.levels.includes(application.level) || session.seatsTaken >= session.capacity) continue;
      if (!sessionTakesSeats(session, this.clock.now())) continue;
      if (!sessionServesApplication(application.planId, application.level, application.appliedOn, session.date)) continue;
      try {
        await this.seats.hold(session.id, application.id, deadline);
        return true;
      } catch (error) {
        // Full or closed since it was read: the next session may still have room.
        if (!(error instanceof DomainError && (error.code === 'SEAT_SOLD_OUT' || error.code === 'SESSION_CLOSED'))) throw error;
      }
    }
    return false;
  }

  /** Seats the waiting list of a plan in the order of approval, as far as seats go. Returns how many were seated. */
  async promoteWaiting(planId: string): Promise<number> {
    // The waiting list is a read across the hub's two tables: approved, and no live seat.
    const waiting = (await this.joined.rows(
      `SELECT a.id AS id, a.level AS level FROM applications a
         LEFT JOIN seat_holds h ON h.application_id = a.id AND h.status IN ('held', 'confirmed')
        WHERE a.plan_id = ? AND a.state = 'approved' AND h.application_id IS NULL
        ORDER BY a.updated_at ASC, a.id ASC LIMIT 1000`,
      [planId],
    )) as { id: string; level: number | string }[];
    let seated = 0;
    const full = new Set<number>();
    for (const { id, level } of waiting) {
      // A level with no seat left anywhere: the rest of its list waits without being read.
      if (full.has(Number(level))) continue;
      const application = await this.applications.mustGet(id);
      if (await this.intake.activeBan(application.residentIdHash)) continue;
      if (await this.seat(id, application)) seated++;
      else full.add(application.level);
    }
    return seated;
  }
}
