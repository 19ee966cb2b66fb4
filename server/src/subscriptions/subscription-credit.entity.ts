import type { SubscriptionKind } from '@skillcert/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One accepted subscribe message: WeChat lets us send exactly one message of that template per accept. */
@Entity('subscription_credits')
@Index('idx_subscription_credits_user', ['userId', 'kind', 'usedAt'])
export class SubscriptionCreditEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 10 })
  kind: SubscriptionKind;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId: string;

  @Column({ name: 'granted_at', type: 'datetime' })
  grantedAt: Date;

  /** Spent by the message it allowed (next issue's notifications). */
  @Column({ name: 'used_at', type: 'datetime', nullable: true })
  usedAt: Date | null;
}
