import type { SubjectKind } from '@skillcert/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One misconduct finding (参评人员须知): the act, its consequence, and who recorded it. */
@Entity('misconduct_records')
export class MisconductRecordEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36, nullable: true })
  sessionId: string | null;

  /** The person, not the application: a ban follows them to every plan and body. */
  @Column({ name: 'resident_id_hash', type: 'varchar', length: 64 })
  residentIdHash: string;

  @Column({ type: 'int' })
  article: 1 | 2 | 3 | 4;

  @Column({ type: 'varchar', length: 200 })
  act: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  subject: SubjectKind | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  severity: 'minor' | 'serious' | null;

  @Column({ type: 'varchar', length: 500 })
  note: string;

  @Column({ name: 'occurred_on', type: 'varchar', length: 10 })
  occurredOn: string;

  @Column({ name: 'after_event', type: 'boolean', default: false })
  afterEvent: boolean;

  /** The consequence in words, as penaltyFor put it. */
  @Column({ type: 'varchar', length: 200 })
  penalty: string;

  /** Last day of the ban (inclusive), Shanghai calendar. */
  @Column({ name: 'banned_through', type: 'varchar', length: 10, nullable: true })
  bannedThrough: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'datetime' })
  recordedAt: Date;
}
