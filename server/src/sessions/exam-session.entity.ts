import type { Level } from '@skillcert/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An exam session (场次): one day, one site, some levels, a fixed number of seats. */
@Entity('exam_sessions')
export class ExamSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 32 })
  planId: string;

  /** Shanghai calendar date. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 200 })
  site: string;

  @Column({
    type: 'varchar',
    length: 20,
    transformer: { to: (levels: Level[]) => levels.join(','), from: (raw: string) => raw.split(',').map(Number) as Level[] },
  })
  levels: Level[];

  @Column({ type: 'int' })
  capacity: number;

  /** Kept in step with the holds by one conditional UPDATE, which is what makes overselling impossible. */
  @Column({ name: 'seats_taken', type: 'int', default: 0 })
  seatsTaken: number;

  /** 'HH:MM' Shanghai time: theory and practical are held on the same day. */
  @Column({ name: 'theory_at', type: 'varchar', length: 5, default: '09:00' })
  theoryAt: string;

  @Column({ name: 'practical_at', type: 'varchar', length: 5, default: '13:30' })
  practicalAt: string;

  /** Results go out once, by a staff member other than whoever entered them. */
  @Column({ name: 'results_published_at', type: 'datetime', nullable: true })
  resultsPublishedAt: Date | null;

  @Column({ name: 'results_published_by', type: 'varchar', length: 36, nullable: true })
  resultsPublishedBy: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

/** The access policy decides whose session this is (by its table) and answers with the row in this type. */
declare module '../access/access' {
  interface Subjects {
    session: ExamSessionEntity;
  }
}
