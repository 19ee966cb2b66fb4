import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OutboxKind = 'ticket' | 'results' | 'review' | 'certificate' | 'reminder';
export type OutboxChannel = 'wechat' | 'email';
/**
 * pending: waiting for its time · sending: claimed by a worker until lease_until
 * (a worker that died lets it go when the lease runs out) · sent · failed: given up,
 * with the reason in `outcome`.
 */
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

/** One message to one person through one channel, written with the change that causes it. */
@Entity('outbox')
export class OutboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: OutboxKind;

  @Column({ type: 'varchar', length: 10 })
  channel: OutboxChannel;

  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  /** An openid (WeChat) or an e-mail address. */
  @Column({ type: 'varchar', length: 200 })
  recipient: string;

  @Column({ name: 'template_id', type: 'varchar', length: 64, nullable: true })
  templateId: string | null;

  /** WeChat: { page, data }. E-mail: { subject, text, attachment? }. */
  @Column({ type: 'simple-json' })
  payload: OutboxPayload;

  /** What makes this message unique (ticket:<application>:wechat): written once, however often the cause is seen. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 120, unique: true })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 10 })
  state: OutboxState;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'datetime' })
  nextAttemptAt: Date;

  @Column({ name: 'lease_until', type: 'datetime', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  outcome: string | null;

  @Column({ name: 'sent_at', type: 'datetime', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

export type OutboxPayload =
  | { page: string; data: Record<string, { value: string }> }
  | { subject: string; text: string; attachment?: { kind: 'ticket'; applicationId: string } };
