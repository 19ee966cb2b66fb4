import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPLICATION_STATE_NAMES,
  DomainError,
  feeFor,
  formatAmount,
  getPlan,
  LEVEL_SHORT,
  type ApplicationView,
  type WechatPaymentStart,
} from '@skillcert/shared';
import { randomBytes } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity';
import { ApplicationsService } from '../applications/applications.service';
import type { CandidateActor, StaffActor } from '../auth/actor';
import { SeatsService } from '../sessions/seats.service';
import { UserEntity } from '../auth/user.entity';
import { Clock } from '../common/clock';
import { timeOrderedId } from '../common/time-ordered-id';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { UnitOfWork } from '../database/unit-of-work';
import { SeatHoldEntity } from '../sessions/seat-hold.entity';
import { PaymentEntity } from './payment.entity';
import { WechatPayClient, type NotificationHeaders, type WechatRefundResult, type WechatTransaction } from '../wechat/wechatpay.client';

export type Settlement = 'paid' | 'already-paid' | 'flagged' | 'not-paid' | 'unknown-order';

/**
 * The fee of an approved application, paid by WeChat Pay. The amount comes from
 * the plan, never from the app; an application is marked paid only by WeChat's
 * signed word (notification or order query), exactly once however often it comes.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger('Payments');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly applications: ApplicationsService,
    private readonly wechatPay: WechatPayClient,
    private readonly seats: SeatsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Orders (or re-orders) the fee at WeChat Pay and hands the app what requestPayment needs. */
  async payByWechat(actor: CandidateActor, applicationId: string): Promise<WechatPaymentStart> {
    const application = await this.db.getRepository(ApplicationEntity).findOneBy({ id: applicationId, userId: actor.userId });
    if (!application) throw new DomainError('NOT_FOUND');
    if (application.state !== 'approved') throw new DomainError('PAYMENT_NOT_DUE');
    const hold = await this.db.getRepository(SeatHoldEntity).findOneBy({ applicationId, status: 'held' });
    if (!hold?.heldUntil) throw new DomainError('PAYMENT_NOT_DUE', '您在候补名单中，安排考位后再缴费');
    if (hold.heldUntil.getTime() <= this.clock.now().getTime()) throw new DomainError('PAYMENT_DEADLINE_PASSED');
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: actor.userId });
    if (!user?.openid) throw new DomainError('WECHAT_NOT_LINKED');

    const amountFen = feeFor(application.planId, application.level);
    const payments = this.db.getRepository(PaymentEntity);
    let payment = await payments.findOneBy({ applicationId, channel: 'wechat', state: 'pending', amountFen });
    if (!payment) {
      payment = {
        id: timeOrderedId(),
        applicationId,
        channel: 'wechat',
        outTradeNo: newOutTradeNo(),
        amountFen,
        state: 'pending',
        prepayId: null,
        transactionId: null,
        expiresAt: hold.heldUntil,
        paidAt: null,
        flagReason: null,
        refundState: null,
        outRefundNo: null,
        refundedAt: null,
        createdAt: this.clock.now(),
      };
      await payments.insert(payment);
    }
    // The same order number again: WeChat answers with a fresh prepay_id for the same order.
    const prepayId = await this.wechatPay.createJsapiOrder({
      description: `呼叫中心服务员（${LEVEL_SHORT[application.level]}）考核费`,
      outTradeNo: payment.outTradeNo,
      timeExpire: payment.expiresAt,
      amountFen,
      openid: user.openid,
    });
    await payments.update({ id: payment.id }, { prepayId });
    return { outTradeNo: payment.outTradeNo, amountFen, expiresAt: payment.expiresAt.toISOString(), params: this.wechatPay.requestPaymentParams(prepayId) };
  }

  /**
   * The safety net for lost notifications: every pending WeChat order is asked
   * about; paid ones are settled, unpaid ones past the deadline are closed at
   * WeChat (so nobody can pay them later) and here, which lets the seat go.
   */
  async reconcilePending(): Promise<{ paid: number; closed: number }> {
    const now = this.clock.now();
    const pending = await this.db.getRepository(PaymentEntity).find({ where: { channel: 'wechat', state: 'pending' }, order: { createdAt: 'ASC' }, take: 200 });
    let paid = 0;
    let closed = 0;
    for (const payment of pending) {
      try {
        const outcome = await this.reconcileOne(payment, now);
        if (outcome === 'paid') paid++;
        if (outcome === 'closed') closed++;
      } catch (error) {
        // WeChat unreachable for this one: the next round asks again; the seat waits (see SeatsService.releaseExpired).
        this.logger.warn({ event: 'payment-check-failed', paymentId: payment.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (paid || closed) this.logger.log({ event: 'payments-reconciled', paid, closed });
    return { paid, closed };
  }

  private async reconcileOne(payment: PaymentEntity, now: Date): Promise<'paid' | 'closed' | 'pending'> {
    let transaction = payment.prepayId ? await this.wechatPay.queryOrder(payment.outTradeNo) : undefined;
    if (transaction?.trade_state === 'SUCCESS') return (await this.settle(transaction, 'order query')) === 'paid' ? 'paid' : 'pending';
    if (payment.expiresAt.getTime() > now.getTime()) return 'pending';
    if (transaction) {
      await this.wechatPay.closeOrder(payment.outTradeNo).catch(() => undefined);
      // Paid in the last instant before closing: WeChat refuses to close it, and the query says so.
      transaction = await this.wechatPay.queryOrder(payment.outTradeNo);
      if (transaction?.trade_state === 'SUCCESS') return (await this.settle(transaction, 'order query')) === 'paid' ? 'paid' : 'pending';
    }
    const result = await this.db.getRepository(PaymentEntity).update({ id: payment.id, state: 'pending' }, { state: 'closed' });
    return result.affected ? 'closed' : 'pending';
  }

  /** The candidate's open WeChat order for an application (what the H5 demo's pay button completes). */
  async pendingWechatOrder(actor: CandidateActor, applicationId: string): Promise<string> {
    const application = await this.db.getRepository(ApplicationEntity).findOneBy({ id: applicationId, userId: actor.userId });
    if (!application) throw new DomainError('NOT_FOUND');
    const payment = await this.db.getRepository(PaymentEntity).findOneBy({ applicationId, channel: 'wechat', state: 'pending' });
    if (!payment) throw new DomainError('PAYMENT_NOT_DUE');
    return payment.outTradeNo;
  }

  /**
   * The body's admin cancels an application (approved or paid): the seat goes
   * back, an open WeChat order is closed, and paid money is refunded through
   * WeChat — the refund is asked for after the cancellation is safely written.
   */
  async cancelByBody(actor: StaffActor, applicationId: string, reason: string): Promise<ApplicationView> {
    const refund = await this.uow.run(async (manager) => {
      const application = await manager.findOneBy(ApplicationEntity, { id: applicationId });
      if (!application || getPlan(application.planId).body.id !== actor.bodyId) throw new DomainError('NOT_FOUND');
      await this.applications.transition(manager, application, 'cancelled', { kind: 'staff', id: actor.staffId }, 'admin', reason);
      await this.seats.releaseWithin(manager, applicationId);
      const paid = await manager.findOneBy(PaymentEntity, { applicationId, channel: 'wechat', state: 'paid' });
      if (!paid?.transactionId || paid.refundState) return undefined;
      const outRefundNo = `RF${paid.outTradeNo.slice(2)}`;
      await manager.update(PaymentEntity, { id: paid.id }, { refundState: 'pending', outRefundNo });
      return { transactionId: paid.transactionId, outRefundNo, amountFen: paid.amountFen };
    });
    for (const open of await this.db.getRepository(PaymentEntity).findBy({ applicationId, channel: 'wechat', state: 'pending' })) {
      await this.wechatPay.closeOrder(open.outTradeNo).catch(() => undefined);
      await this.db.getRepository(PaymentEntity).update({ id: open.id, state: 'pending' }, { state: 'closed' });
    }
    if (refund) await this.wechatPay.refund({ ...refund, totalFen: refund.amountFen, reason: `报名已取消：${reason}` });
    return this.applications.viewOf(applicationId);
  }

  /** WeChat's word that a refund went through: recorded once, however often it comes. */
  async onRefundNotification(headers: NotificationHeaders, rawBody: string): Promise<void> {
    const result = await this.wechatPay.openNotification<WechatRefundResult>(headers, rawBody);
    if (result.mchid !== this.wechatPay.mchid) throw new DomainError('PAYMENT_NOTIFICATION_INVALID', '商户信息不符');
    if (result.refund_status !== 'SUCCESS') {
      this.logger.warn({ event: 'refund-not-successful', outRefundNo: result.out_refund_no, status: result.refund_status });
      return;
    }
    await this.db
      .getRepository(PaymentEntity)
      .update(
        { outRefundNo: result.out_refund_no, refundState: 'pending' },
        { refundState: 'refunded', refundedAt: result.success_time ? new Date(result.success_time) : this.clock.now() },
      );
  }

  /**
   * A bank credit pays an application: inside the caller's transaction (which
   * also marks the credit), a paid bank payment, the application paid, the seat kept.
   * The paid time is when the bank received the money.
   */
  async settleBank(
    manager: EntityManager,
    applicationId: string,
    credit: { amountFen: number; receivedAt: Date; payer: string },
    by: { kind: 'staff' | 'system'; id: string | null },
  ): Promise<void> {
    const application = await manager.findOneBy(ApplicationEntity, { id: applicationId });
    if (!application) throw new DomainError('NOT_FOUND');
    if (application.state !== 'approved') throw new DomainError('PAYMENT_NOT_DUE', `该报名当前为“${APPLICATION_STATE_NAMES[application.state]}”，不能确认缴费`);
    const amountFen = feeFor(application.planId, application.level);
    if (credit.amountFen !== amountFen) throw new DomainError('PAYMENT_NOT_DUE', `到账${formatAmount(credit.amountFen)}与应缴${formatAmount(amountFen)}不符`);
    await manager.insert(PaymentEntity, {
      id: timeOrderedId(),
      applicationId,
      channel: 'bank',
      outTradeNo: newOutTradeNo('BK'),
      amountFen,
      state: 'paid',
      prepayId: null,
      transactionId: null,
      expiresAt: credit.receivedAt,
      paidAt: credit.receivedAt,
      flagReason: null,
      refundState: null,
      outRefundNo: null,
      refundedAt: null,
      createdAt: this.clock.now(),
    });
    await this.applications.transition(
      manager,
      application,
      'paid',
      by,
      by.kind === 'staff' ? 'finance' : 'system',
      `银行转账 ${formatAmount(amountFen)}（付款人 ${credit.payer || '未知'}）`,
    );
    await manager.update(SeatHoldEntity, { applicationId, status: 'held' }, { status: 'confirmed' });
  }

  /** WeChat Pay's notification: verified, decrypted, settled. A bad one changes nothing and is refused. */
  async onWechatNotification(headers: { timestamp?: string; nonce?: string; serial?: string; signature?: string }, rawBody: string): Promise<Settlement> {
    return this.settle(await this.wechatPay.openNotification(headers, rawBody), 'WeChat notification');
  }

  /**
   * One transaction, from a notification or a query. The pending → paid update is
   * conditional, so of fifty copies racing exactly one moves the application.
   */
  async settle(transaction: WechatTransaction, source: string): Promise<Settlement> {
    if (transaction.appid !== this.config.wechat.appId || transaction.mchid !== this.wechatPay.mchid)
      throw new DomainError('PAYMENT_NOTIFICATION_INVALID', '商户信息不符');
    if (transaction.trade_state !== 'SUCCESS') return 'not-paid';
    const payment = await this.db.getRepository(PaymentEntity).findOneBy({ outTradeNo: transaction.out_trade_no });
    if (!payment) {
      this.logger.warn({ event: 'payment-unknown-order', outTradeNo: transaction.out_trade_no, source });
      return 'unknown-order';
    }
    if (transaction.amount.total !== payment.amountFen) {
      const reason = `到账金额${formatAmount(transaction.amount.total)}与应缴${formatAmount(payment.amountFen)}不符`;
      await this.db.getRepository(PaymentEntity).update({ id: payment.id, state: In(['pending', 'closed']) }, { state: 'flagged', flagReason: reason });
      this.logger.warn({ event: 'payment-flagged', paymentId: payment.id, reason, source });
      return 'flagged';
    }
    return this.uow.run(async (manager) => {
      const paidAt = transaction.success_time ? new Date(transaction.success_time) : this.clock.now();
      const claimed = await manager.update(
        PaymentEntity,
        { id: payment.id, state: In(['pending', 'closed']) },
        { state: 'paid', transactionId: transaction.transaction_id ?? null, paidAt },
      );
      if (!claimed.affected) return 'already-paid';
      const application = await manager.findOneByOrFail(ApplicationEntity, { id: payment.applicationId });
      if (application.state !== 'approved') {
        // Money for an application that has moved on (expired, cancelled): kept, and put before finance.
        await manager.update(PaymentEntity, { id: payment.id }, { flagReason: `到账时报名状态为“${application.state}”，请核对后处理` });
        this.logger.warn({ event: 'payment-after-state-change', paymentId: payment.id, state: application.state, source });
        return 'flagged';
      }
      await this.applications.transition(manager, application, 'paid', { kind: 'system', id: null }, 'system', `微信支付 ${formatAmount(payment.amountFen)}`);
      await manager.update(SeatHoldEntity, { applicationId: application.id, status: 'held' }, { status: 'confirmed' });
      return 'paid';
    });
  }
}

/** A prefix ('SC' WeChat, 'BK' bank) + 28 random base-36 characters, upper case (read aloud to the help desk): unique, ≤ 32, WeChat's alphabet. */
function newOutTradeNo(prefix = 'SC'): string {
  return `${prefix}${BigInt(`0x${randomBytes(18).toString('hex')}`)
    .toString(36)
    .padStart(28, '0')
    .slice(0, 28)
    .toUpperCase()}`;
}
