import type { BatchState, Level } from '@skillcert/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A group declaration (团体申报): one institution's students for one plan and level. */
@Entity('batches')
export class BatchEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'institution_id', type: 'varchar', length: 36 })
  institutionId: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 32 })
  planId: string;

  @Column({ type: 'int' })
  level: Level;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  state: BatchState;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'submitted_at', type: 'datetime', nullable: true })
  submittedAt: Date | null;
}

/** The access policy decides whose batch this is (by its table) and answers with the row in this type. */
declare module '../access/access' {
  interface Subjects {
    batch: BatchEntity;
  }
}
