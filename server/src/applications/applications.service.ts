import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applicationWindow,
  APPLICATION_STATE_NAMES,
  assertTransition,
  DomainError,
  evaluateEligibility,
  formatChineseDate,
  getPlan,
  isLiveApplicationState,
  shanghaiDate,
  type ApplicantFacts,
  type ApplicationRequest,
  type Level,
  type ResubmitRequest,
  type ApplicationState,
  type ApplicationView,
} from '@skillcert/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { CandidateActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { timeOrderedId } from '../common/time-ordered-id';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { CandidateProfileEntity } from '../identity/candidate-profile.entity';
import { ApplicationEventEntity } from './application-event.entity';
import { ApplicationEntity } from './application.entity';

type EventActor = { kind: ApplicationEventEntity['actorKind']; id: string | null };

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * An individual application. The server decides everything again: the window on
   * today's Shanghai date, eligibility on the birth date from the verified ID card
   * (not a typed one), and one live application per person, occupation and level.
   */
  async apply(actor: CandidateActor, request: ApplicationRequest): Promise<ApplicationView> {
    const profile = await this.db.getRepository(CandidateProfileEntity).findOneBy({ userId: actor.userId });
    if (!profile) throw new DomainError('PROFILE_INCOMPLETE');
    const plan = getPlan(request.planId);
    const today = shanghaiDate(this.clock.now());

    const { facts, verdict, window } = this.check(plan.id, request.level, { ...request.facts, birthDate: profile.birthDate });

    const now = this.clock.now();
    const application: ApplicationEntity = {
      id: randomUUID(),
      userId: actor.userId,
      planId: plan.id,
      level: request.level,
      channel: 'individual',
      state: 'draft',
      activeKey: `${profile.residentIdHash}:${plan.occupation.code}:${request.level}`,
      appliedOn: today,
      assessBy: window.assessBy ?? null,
      facts,
      verdict,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.uow.run(async (manager) => {
        await manager.insert(ApplicationEntity, application);
        await this.transition(manager, application, 'submitted', { kind: 'candidate', id: actor.userId }, 'candidate');
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('APPLICATION_ACTIVE_EXISTS');
      throw error;
    }
    return this.viewOf(application.id);
  }

  async mine(actor: CandidateActor): Promise<ApplicationView[]> {
    const rows = await this.db.getRepository(ApplicationEntity).find({ where: { userId: actor.userId }, order: { createdAt: 'DESC' }, select: { id: true } });
    return Promise.all(rows.map((r) => this.viewOf(r.id)));
  }

  async one(actor: CandidateActor, id: string): Promise<ApplicationView> {
    await this.own(actor, id);
    return this.viewOf(id);
  }

  /** A returned application is corrected and sent back to review — the same application, not a new one. */
  async resubmit(actor: CandidateActor, id: string, request: ResubmitRequest): Promise<ApplicationView> {
    const profile = await this.db.getRepository(CandidateProfileEntity).findOneByOrFail({ userId: actor.userId });
    await this.uow.run(async (manager) => {
      const application = await this.own(actor, id, manager);
      assertTransition(application.state, 'submitted', 'candidate');
      const { facts, verdict } = this.check(application.planId, application.level, { ...request.facts, birthDate: profile.birthDate });
      await manager.update(ApplicationEntity, { id }, { facts, verdict });
      await this.transition(manager, application, 'submitted', { kind: 'candidate', id: actor.userId }, 'candidate', '已按要求修改，重新提交');
    });
    return this.viewOf(id);
  }

  /** Before a decision, the candidate may take the application back. */
  async withdraw(actor: CandidateActor, id: string): Promise<ApplicationView> {
    await this.uow.run(async (manager) => {
      const application = await this.own(actor, id, manager);
      await this.transition(manager, application, 'withdrawn', { kind: 'candidate', id: actor.userId }, 'candidate');
    });
    return this.viewOf(id);
  }

  /**
   * The one way an application changes state: checked against the shared state
   * machine, recorded with who and when, and the live-application key released
   * when the application ends.
   */
  async transition(
    manager: EntityManager,
    application: ApplicationEntity,
    to: ApplicationState,
    by: EventActor,
    as: Parameters<typeof assertTransition>[2],
    note?: string,
  ): Promise<void> {
    assertTransition(application.state, to, as);
    const now = this.clock.now();
    const activeKey = isLiveApplicationState(to) ? application.activeKey : null;
    const result = await manager.update(ApplicationEntity, { id: application.id, state: application.state }, { state: to, activeKey, updatedAt: now });
    // Someone else changed it first: their change stands, this one is refused.
    if (!result.affected) throw new DomainError('TRANSITION_NOT_ALLOWED');
    await manager.insert(ApplicationEventEntity, {
      id: timeOrderedId(),
      applicationId: application.id,
      fromState: application.state,
      toState: to,
      actorKind: by.kind,
      actorId: by.id,
      note: note ?? null,
      at: now,
    });
    Object.assign(application, { state: to, activeKey, updatedAt: now });
  }

  /** The window on today's Shanghai date and the eligibility verdict; either refusing ends the request. */
  private check(planId: string, level: Level, facts: ApplicantFacts) {
    const today = shanghaiDate(this.clock.now());
    const window = applicationWindow(planId, level, today);
    if (!window.open) {
      const message = window.nextOpensOn ? `当前不在申报时间内，${formatChineseDate(window.nextOpensOn)}起可申报` : (window.note ?? undefined);
      throw new DomainError('APPLICATION_WINDOW_CLOSED', message);
    }
    const { eligible, satisfied, reasons } = evaluateEligibility(planId, level, facts, today);
    if (!eligible) {
      throw new DomainError(
        'NOT_ELIGIBLE',
        `暂不符合申报条件：${reasons[0] ?? ''}`,
        reasons.map((message) => ({ path: 'eligibility', message })),
      );
    }
    return { facts, verdict: { eligible, satisfied, reasons }, window };
  }

  /** Another person's application looks exactly like a missing one. */
  private async own(actor: CandidateActor, id: string, manager: EntityManager = this.db.manager): Promise<ApplicationEntity> {
    const application = await manager.findOneBy(ApplicationEntity, { id });
    if (!application || application.userId !== actor.userId) throw new DomainError('NOT_FOUND');
    return application;
  }

  async viewOf(id: string): Promise<ApplicationView> {
    const application = await this.db.getRepository(ApplicationEntity).findOneByOrFail({ id });
    const events = await this.db.getRepository(ApplicationEventEntity).find({ where: { applicationId: id }, order: { at: 'ASC', id: 'ASC' } });
    return {
      id: application.id,
      planId: application.planId,
      level: application.level,
      channel: application.channel,
      state: application.state,
      stateLabel: APPLICATION_STATE_NAMES[application.state],
      appliedOn: application.appliedOn,
      ...(application.assessBy ? { assessBy: application.assessBy } : {}),
      eligibility: application.verdict,
      timeline: events.map((e) => ({
        from: e.fromState,
        to: e.toState,
        label: APPLICATION_STATE_NAMES[e.toState],
        at: e.at.toISOString(),
        by: e.actorKind,
        ...(e.note ? { note: e.note } : {}),
      })),
    };
  }
}
