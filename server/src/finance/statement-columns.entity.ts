import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A body's bank, as its finance staff mapped it: the header text of each column we read. */
@Entity('statement_columns')
export class StatementColumnsEntity {
  @PrimaryColumn({ name: 'body_id', type: 'varchar', length: 36 })
  bodyId: string;

  @Column({ name: 'received_at', type: 'varchar', length: 40 })
  receivedAt: string;

  @Column({ type: 'varchar', length: 40 })
  amount: string;

  @Column({ type: 'varchar', length: 40 })
  payer: string;

  @Column({ type: 'varchar', length: 40 })
  remark: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  reference: string | null;

  /** The staff member who mapped them last. */
  @Column({ name: 'updated_by', type: 'varchar', length: 36 })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
