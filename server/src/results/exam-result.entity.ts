import type { SubjectKind, SubjectMark } from '@skillcert/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One sitting's marks: a score per subject, absent, or cancelled for misconduct. */
@Entity('exam_results')
export class ExamResultEntity {
  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @Column({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId: string;

  @Column({ type: 'simple-json' })
  marks: Partial<Record<SubjectKind, SubjectMark>>;

  /** The staff member who entered (or imported) these marks last: they may not publish them. */
  @Column({ name: 'entered_by', type: 'varchar', length: 36 })
  enteredBy: string;

  @Column({ name: 'entered_at', type: 'datetime' })
  enteredAt: Date;
}
