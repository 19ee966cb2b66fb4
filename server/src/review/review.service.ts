import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ageOn, DomainError, getPlan, listPlans, sessionServesApplication, shanghaiDate, type ReviewItem, type ReviewQuery } from '@skillcert/shared';
import { DataSource, In } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import { ApplicationsService } from '../applications/applications.service';
import type { StaffActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { UnitOfWork } from '../database/unit-of-work';
import { CandidateProfileEntity } from '../identity/candidate-profile.entity';
import { ExamSessionEntity } from '../sessions/exam-session.entity';
import { SeatHoldEntity } from '../sessions/seat-hold.entity';
import { SeatsService } from '../sessions/seats.service';

/** Staff decide on applications for their own body's plans; each decision is an audited transition. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly applications: ApplicationsService,
    private readonly seats: SeatsService,
  ) {}

  async queue(actor: StaffActor, query: ReviewQuery): Promise<ReviewItem[]> {
    const planIds = this.ownPlanIds(actor).filter((id) => !query.planId || id === query.planId);
    if (planIds.length === 0) return [];
    const rows = await this.db.getRepository(ApplicationEntity).find({
      where: { planId: In(planIds), state: query.state, ...(query.level ? { level: query.level } : {}) },
      order: { createdAt: 'ASC' },
      take: 200,
      select: { id: true },
    });
    return Promise.all(rows.map((r) => this.item(r.id)));
  }

  async detail(actor: StaffActor, id: string): Promise<ReviewItem> {
    await this.own(actor, id);
    return this.item(id);
  }

  /**
   * Approves, then seats the candidate in the earliest session that can take this
   * application, holding the seat until the payment deadline. With every such
   * session full, the application stays approved without a seat: the waiting list.
   */
  async approve(actor: StaffActor, id: string, note?: string): Promise<ReviewItem> {
    await this.decide(actor, id, 'approved', note);
    const application = await this.db.getRepository(ApplicationEntity).findOneByOrFail({ id });
    const sessions = await this.db.getRepository(ExamSessionEntity).find({ where: { planId: application.planId }, order: { date: 'ASC', createdAt: 'ASC' } });
    const deadline = new Date(this.clock.now().getTime() + this.config.paymentDays * 86_400_000);
    for (const session of sessions) {
      if (!session.levels.includes(application.level) || session.seatsTaken >= session.capacity) continue;
      if (!sessionServesApplication(application.planId, application.level, application.appliedOn, session.date)) continue;
      try {
        await this.seats.hold(session.id, application.id, deadline);
        break;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'SEAT_SOLD_OUT')) throw error;
      }
    }
    return this.item(id);
  }

  returnForCorrection(actor: StaffActor, id: string, note: string): Promise<ReviewItem> {
    return this.decide(actor, id, 'returned', note);
  }

  reject(actor: StaffActor, id: string, reason: string): Promise<ReviewItem> {
    return this.decide(actor, id, 'rejected', reason);
  }

  private async decide(actor: StaffActor, id: string, to: 'approved' | 'returned' | 'rejected', note?: string): Promise<ReviewItem> {
    await this.uow.run(async (manager) => {
      const application = await this.own(actor, id, manager);
      await this.applications.transition(
        manager,
        application,
        to,
        { kind: 'staff', id: actor.staffId },
        actor.roles.includes('admin') ? 'admin' : 'reviewer',
        note,
      );
    });
    return this.item(id);
  }

  private ownPlanIds(actor: StaffActor): string[] {
    return listPlans()
      .filter((plan) => plan.body.id === actor.bodyId)
      .map((plan) => plan.id);
  }

  /** Another body's application looks exactly like a missing one. */
  private async own(actor: StaffActor, id: string, manager = this.db.manager): Promise<ApplicationEntity> {
    const application = await manager.findOneBy(ApplicationEntity, { id });
    if (!application || getPlan(application.planId).body.id !== actor.bodyId) throw new DomainError('NOT_FOUND');
    return application;
  }

  private async item(id: string): Promise<ReviewItem> {
    const view = await this.applications.viewOf(id);
    const application = await this.db.getRepository(ApplicationEntity).findOneByOrFail({ id });
    const profile = await this.db.getRepository(CandidateProfileEntity).findOneByOrFail({ userId: application.userId });
    const hold = await this.db.getRepository(SeatHoldEntity).findOneBy({ applicationId: id, status: In(['held', 'confirmed']) });
    const session = hold ? await this.db.getRepository(ExamSessionEntity).findOneBy({ id: hold.sessionId }) : null;
    return {
      ...view,
      candidate: { name: profile.name, residentIdMasked: profile.residentIdMasked, age: ageOn(profile.birthDate, shanghaiDate(this.clock.now())) },
      ...(hold && session ? { seat: { sessionId: session.id, date: session.date, site: session.site, heldUntil: hold.heldUntil?.toISOString() ?? null } } : {}),
    };
  }
}
