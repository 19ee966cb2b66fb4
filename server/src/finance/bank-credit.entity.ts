import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** confirmed: paid an application · review: a person must decide · unmatched: no application fits · ignored: not ours (decided by finance). */
export type CreditStatus = 'confirmed' | 'review' | 'unmatched' | 'ignored';

/** One credit line of an imported bank statement. The key makes a re-imported line the same line. */
@Entity('bank_credits')
@Index('uq_bank_credits_key', ['bodyId', 'creditKey'], { unique: true })
export class BankCreditEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'body_id', type: 'varchar', length: 32 })
  bodyId: string;

  @Column({ name: 'credit_key', type: 'varchar', length: 300 })
  creditKey: string;

  @Column({ name: 'received_at', type: 'datetime' })
  receivedAt: Date;

  @Column({ name: 'amount_fen', type: 'int' })
  amountFen: number;

  @Column({ type: 'varchar', length: 100 })
  payer: string;

  @Column({ type: 'varchar', length: 200 })
  remark: string;

  @Column({ type: 'varchar', length: 12 })
  status: CreditStatus;

  /** Why it was not confirmed automatically. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  reason: string | null;

  /** Suggested applications (review), as JSON ids. */
  @Column({ type: 'simple-json', nullable: true })
  candidates: string[] | null;

  @Column({ name: 'application_id', type: 'varchar', length: 36, nullable: true })
  applicationId: string | null;

  /** Set when one transfer paid a whole school batch. */
  @Column({ name: 'batch_id', type: 'varchar', length: 36, nullable: true })
  batchId: string | null;

  /** Who confirmed it by hand; NULL when the import was sure. */
  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
