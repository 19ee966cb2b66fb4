import type { ApplicantFacts, ApplicationState, EligibilityResult, Level } from '@skillcert/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

const json = <T>() => ({ to: (value: T) => JSON.stringify(value), from: (raw: string) => JSON.parse(raw) as T });

/** An application for one level of one plan, with the facts and the verdict it was decided on. */
@Entity('applications')
export class ApplicationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 32 })
  planId: string;

  @Column({ type: 'int' })
  level: Level;

  @Column({ type: 'varchar', length: 12 })
  channel: 'individual' | 'group';

  @Column({ type: 'varchar', length: 12 })
  state: ApplicationState;

  /**
   * person (ID hash) : occupation : level while the application is live, NULL once it
   * ends — a unique index on it allows one live application per person and level.
   */
  @Column({ name: 'active_key', type: 'varchar', length: 100, nullable: true, unique: true })
  activeKey: string | null;

  /** Shanghai date the application was made. */
  @Column({ name: 'applied_on', type: 'varchar', length: 10 })
  appliedOn: string;

  @Column({ name: 'assess_by', type: 'varchar', length: 10, nullable: true })
  assessBy: string | null;

  @Column({ type: 'text', transformer: json<ApplicantFacts>() })
  facts: ApplicantFacts;

  @Column({ type: 'text', transformer: json<Pick<EligibilityResult, 'eligible' | 'satisfied' | 'reasons'>>() })
  verdict: Pick<EligibilityResult, 'eligible' | 'satisfied' | 'reasons'>;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
