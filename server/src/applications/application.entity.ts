import type { ApplicantFacts, ApplicationState, EligibilityResult, Level, SubjectKind } from '@skillcert/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

const json = <T>() => ({ to: (value: T) => JSON.stringify(value), from: (raw: string) => JSON.parse(raw) as T });

/** An application for one level of one plan, with the facts and the verdict it was decided on. */
@Entity('applications')
export class ApplicationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The candidate's account; NULL for a student a school declared until they claim the application. */
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  /** The applicant as on the ID card, at the time of applying. */
  @Column({ name: 'applicant_name', type: 'varchar', length: 60 })
  applicantName: string;

  @Column({ name: 'resident_id_cipher', type: 'varchar', length: 120 })
  residentIdCipher: string;

  @Column({ name: 'resident_id_hash', type: 'varchar', length: 64 })
  residentIdHash: string;

  @Column({ name: 'resident_id_masked', type: 'varchar', length: 18 })
  residentIdMasked: string;

  @Column({ name: 'birth_date', type: 'varchar', length: 10 })
  birthDate: string;

  /** The applicant's phone, sealed: a group application's is the roster's, which the student's WeChat-verified number must match to claim it. */
  @Column({ name: 'phone_cipher', type: 'varchar', length: 100, nullable: true })
  phoneCipher: string | null;

  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  @Column({ name: 'batch_id', type: 'varchar', length: 36, nullable: true })
  batchId: string | null;

  @Column({ name: 'batch_row', type: 'int', nullable: true })
  batchRow: number | null;

  /** The institution's preliminary review (初审) of a group application. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  prereview: 'pending' | 'passed' | 'excluded' | null;

  @Column({ name: 'prereview_note', type: 'varchar', length: 200, nullable: true })
  prereviewNote: string | null;

  @Column({ name: 'plan_id', type: 'varchar', length: 32 })
  planId: string;

  @Column({ type: 'int' })
  level: Level;

  @Column({ type: 'varchar', length: 12 })
  channel: 'individual' | 'group';

  /** 我已转账: the account the candidate says the fee came from (a parent's), matched like their own name. */
  @Column({ name: 'transfer_payer', type: 'varchar', length: 60, nullable: true })
  transferPayer: string | null;

  @Column({ name: 'transfer_noted_at', type: 'datetime', nullable: true })
  transferNotedAt: Date | null;

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

  /** A make-up (补考): the assessed application whose failed subjects it sits again. */
  @Column({ name: 'makeup_of', type: 'varchar', length: 36, nullable: true })
  makeupOf: string | null;

  /** A make-up's subjects only; null: every subject of the level. */
  @Column({
    type: 'varchar',
    length: 40,
    nullable: true,
    transformer: {
      to: (kinds: SubjectKind[] | null) => (kinds ? kinds.join(',') : null),
      from: (raw: string | null) => (raw ? (raw.split(',') as SubjectKind[]) : null),
    },
  })
  subjects: SubjectKind[] | null;

  /**
   * The fee as the plan's revision priced it when the application was made (a make-up: its subjects').
   * A later revision's fees are for new applications; null on applications made before fees were kept.
   */
  @Column({ name: 'fee_fen', type: 'int', nullable: true })
  feeFen: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}

/** The access policy decides whose application this is (by its table) and answers with the row in this type. */
declare module '../access/access' {
  interface Subjects {
    application: ApplicationEntity;
  }
}
