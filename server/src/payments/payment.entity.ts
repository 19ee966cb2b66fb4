import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PaymentChannel = 'wechat' | 'bank';
/** pending: ordered, not yet paid · paid · closed: deadline passed or replaced · flagged: money arrived that does not fit, for finance to decide. */
export type PaymentState = 'pending' | 'paid' | 'closed' | 'flagged';
export type RefundState = 'pending' | 'owed' | 'refunded';

/** One attempt to pay an application's fee: a WeChat Pay order, later a bank credit. */
@Entity('payments')
export class PaymentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The application paid for; null on a school's order for its class (its members' shares point at it by orderId). */
  @Column({ name: 'application_id', type: 'varchar', length: 36, nullable: true })
  applicationId: string | null;

  /** A school's order for a batch: the batch it pays. */
  @Column({ name: 'batch_id', type: 'varchar', length: 36, nullable: true })
  batchId: string | null;

  /** The batch again, only while the school's order is open: unique, so a class has one open order at a time. */
  @Column({ name: 'open_batch_id', type: 'varchar', length: 36, nullable: true, unique: true })
  openBatchId: string | null;

  /** The application again, only while its own WeChat order is open: unique, so simultaneous taps on 支付 make one order. */
  @Column({ name: 'open_application_id', type: 'varchar', length: 36, nullable: true, unique: true })
  openApplicationId: string | null;

  /** A member's share of a school's order: that order's id. Shares follow their order; WeChat knows only the order. */
  @Column({ name: 'order_id', type: 'varchar', length: 36, nullable: true })
  orderId: string | null;

  /** A Native order's code (weixin://wxpay/bizpayurl?pr=…), shown as a QR code for whoever pays it. */
  @Column({ name: 'code_url', type: 'varchar', length: 128, nullable: true })
  codeUrl: string | null;

  /** The app reported that requestPayment finished; WeChat's word has not come yet. */
  @Column({ name: 'paying_at', type: 'datetime', nullable: true })
  payingAt: Date | null;

  @Column({ type: 'varchar', length: 10 })
  channel: PaymentChannel;

  /** Our order number at WeChat Pay: unique, ≤ 32 characters. */
  @Column({ name: 'out_trade_no', type: 'varchar', length: 32, unique: true })
  outTradeNo: string;

  @Column({ name: 'amount_fen', type: 'int' })
  amountFen: number;

  @Column({ type: 'varchar', length: 10 })
  state: PaymentState;

  @Column({ name: 'prepay_id', type: 'varchar', length: 64, nullable: true })
  prepayId: string | null;

  /** WeChat's transaction id once paid; unique, so one credit is never counted twice. */
  @Column({ name: 'transaction_id', type: 'varchar', length: 40, nullable: true, unique: true })
  transactionId: string | null;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;

  @Column({ name: 'paid_at', type: 'datetime', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'flag_reason', type: 'varchar', length: 200, nullable: true })
  flagReason: string | null;

  /** Whose account a bank transfer came from (the statement's payer): where finance sends it back. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  payer: string | null;

  /**
   * Money going back: pending — asked of WeChat (or to be asked: see refundAskedAt); owed — a
   * transfer finance must return by hand; refunded — back with the payer.
   */
  @Column({ name: 'refund_state', type: 'varchar', length: 10, nullable: true })
  refundState: RefundState | null;

  /** Why it goes back: the body cancelled, the fee was already paid, the application had ended. */
  @Column({ name: 'refund_reason', type: 'varchar', length: 200, nullable: true })
  refundReason: string | null;

  /** When WeChat accepted the refund request; null while it still has to be asked (a crash, WeChat away). */
  @Column({ name: 'refund_asked_at', type: 'datetime', nullable: true })
  refundAskedAt: Date | null;

  /** The finance staff member who recorded a transfer sent back. */
  @Column({ name: 'refund_decided_by', type: 'varchar', length: 36, nullable: true })
  refundDecidedBy: string | null;

  @Column({ name: 'out_refund_no', type: 'varchar', length: 32, nullable: true, unique: true })
  outRefundNo: string | null;

  @Column({ name: 'refunded_at', type: 'datetime', nullable: true })
  refundedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
