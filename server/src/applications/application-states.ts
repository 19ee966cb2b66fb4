import { Injectable } from '@nestjs/common';
import { assertTransition, DomainError, isLiveApplicationState, type ApplicationState, type CorrectionItem } from '@skillcert/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { timeOrderedId } from '../common/time-ordered-id';
import { ApplicationEventEntity } from './application-event.entity';
import { ApplicationEntity } from './application.entity';
import { ApplicationIntake } from './application-intake';

export type EventActor = { kind: ApplicationEventEntity['actorKind']; id: string | null };

/** Steps a banned person never takes, whoever tries (SPEC §7: a ban binds the application under way too). */
const BARRED_WHILE_BANNED: readonly ApplicationState[] = ['approved', 'paid', 'checked_in'];

/**
 * The state machine's writer, used by every part of the server that moves an
 * application on (review, payment, seats, exam day, results, misconduct,
 * certificates, a school's batch) inside its own transaction.
 */
@Injectable()
export class ApplicationStates {
  constructor(
    private readonly clock: Clock,
    private readonly intake: ApplicationIntake,
  ) {}

  /**
   * The one way an application changes state: checked against the shared state
   * machine and a running ban, recorded with who and when, and the live-application
   * key released when the application ends.
   */
  async transition(
    manager: EntityManager,
    application: ApplicationEntity,
    to: ApplicationState,
    by: EventActor,
    as: Parameters<typeof assertTransition>[2],
    note?: string,
    corrections?: CorrectionItem[],
  ): Promise<void> {
    assertTransition(application.state, to, as);
    if (BARRED_WHILE_BANNED.includes(to)) await this.intake.refuseBanned(application.residentIdHash, manager);
    const now = this.clock.now();
    const activeKey = isLiveApplicationState(to) ? application.activeKey : null;
    const result = await manager.update(ApplicationEntity, { id: application.id, state: application.state }, { state: to, activeKey, updatedAt: now });
    // Someone else changed it first: their change stands, this one is refused.
    if (!result.affected) throw new DomainError('TRANSITION_NOT_ALLOWED');
    await this.record(manager, application.id, application.state, to, by, note, corrections);
    Object.assign(application, { state: to, activeKey, updatedAt: now });
  }

  /** A line on the timeline and in the audit trail that moves nothing: a transfer announced, an ID number read at the counter. */
  note(manager: EntityManager, application: Pick<ApplicationEntity, 'id' | 'state'>, by: EventActor, note: string): Promise<ApplicationEventEntity> {
    return this.record(manager, application.id, application.state, application.state, by, note);
  }

  /** The same first line for many applications at once (a school's roster): one statement per hundred. */
  async recordAll(
    manager: EntityManager,
    applicationIds: readonly string[],
    from: ApplicationState | null,
    to: ApplicationState,
    by: EventActor,
    note: string,
  ): Promise<void> {
    const events = applicationIds.map((applicationId) => this.event(applicationId, from, to, by, note));
    for (let i = 0; i < events.length; i += 100) await manager.insert(ApplicationEventEntity, events.slice(i, i + 100));
  }

  /** One line of the timeline and the audit trail. `from` null: the application came into being (a school's import). */
  async record(
    manager: EntityManager,
    applicationId: string,
    from: ApplicationState | null,
    to: ApplicationState,
    by: EventActor,
    note?: string,
    corrections?: CorrectionItem[],
  ): Promise<ApplicationEventEntity> {
    const event = this.event(applicationId, from, to, by, note, corrections);
    await manager.insert(ApplicationEventEntity, event);
    return event;
  }

  private event(
    applicationId: string,
    from: ApplicationState | null,
    to: ApplicationState,
    by: EventActor,
    note?: string,
    corrections?: CorrectionItem[],
  ): ApplicationEventEntity {
    return {
      id: timeOrderedId(),
      applicationId,
      fromState: from,
      toState: to,
      actorKind: by.kind,
      actorId: by.id,
      note: note ?? null,
      corrections: corrections ?? null,
      at: this.clock.now(),
    };
  }
}
