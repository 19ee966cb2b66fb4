import type { ApplicationState, CorrectionItem } from '@skillcert/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every change of an application's state: who, when, from what to what, and why. The timeline and the audit trail. */
@Entity('application_events')
export class ApplicationEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @Column({ name: 'from_state', type: 'varchar', length: 12, nullable: true })
  fromState: ApplicationState | null;

  @Column({ name: 'to_state', type: 'varchar', length: 12 })
  toState: ApplicationState;

  @Column({ name: 'actor_kind', type: 'varchar', length: 12 })
  actorKind: 'candidate' | 'institution' | 'staff' | 'system';

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** Returned for correction: what to correct, item by item (JSON). */
  @Column({
    type: 'text',
    nullable: true,
    transformer: {
      to: (v: CorrectionItem[] | null) => (v && v.length ? JSON.stringify(v) : null),
      from: (raw: string | null) => (raw ? (JSON.parse(raw) as CorrectionItem[]) : null),
    },
  })
  corrections: CorrectionItem[] | null;

  @Column({ type: 'datetime' })
  at: Date;
}
