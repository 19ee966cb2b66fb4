import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { APPLICATION_STATE_NAMES, DomainError, formatAmount, occupationLevel, type ApplicationView, type WechatPaymentStart } from '@skillcert/shared';
import { randomBytes } from 'node:crypto';
import { In, IsNull, Not, type EntityManager, type Repository } from 'typeorm';
import { ApplicationRecords, applicationFee } from '../applications/application-records.service';
import { ApplicationStates } from '../applications/application-states';
import { ApplicationViews } from '../applications/application-views';
import type { CandidateActor, StaffActor } from '../auth/actor';
import { SeatsService } from '../sessions/seats.service';
import { AuthService } from '../auth/auth.service';
import { Clock } from '../common/clock';
import { timeOrderedId } from '../common/time-ordered-id';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { UnitOfWork } from '../database/unit-of-work';
import { PaymentEntity } from './payment.entity';
import { WechatPayClient, type NotificationHeaders, type WechatRefundResult, type WechatTransaction } from '../wechat/wechatpay.client';
import { Access } from '../access/access';

export type Settlement = 'paid' | 'already-paid' | 'flagged' | 'not-paid' | 'unknown-order';

/**
 * The fee of an approved application, paid by WeChat Pay. The amount comes from
 * the plan, never from the app; an application is marked paid only by WeChat's
 * signed word (notification or order query), exactly once however often it comes.
 */
@Injectable()
export class PaymentsService implements OnModuleInit {
  private readonly logger = new Logger('Payments');

  constructor(
    private readonly auth: AuthService,
    @InjectRepository(PaymentEntity) private readonly paymentRows: Repository<PaymentEntity>,
    private readonly applications: ApplicationRecords,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly states: ApplicationStates,
    private readonly views: ApplicationViews,
    private readonly wechatPay: WechatPayClient,
    private readonly seats: SeatsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: Access,
  ) {}

  /** A seat past its deadline stays while a WeChat order WeChat may still have taken money for is open: the payment check settles or closes it. */
  onModuleInit(): void {
    this.seats.keepHoldsWhile((manager, applicationId) => manager.existsBy(PaymentEntity, { applicationId, state: 'pending' }));
  }

  /** Orders (or re-orders) the fee at WeChat Pay and hands the app what requestPayment needs. */
  async payByWechat(actor: CandidateActor, applicationId: string): Promise<WechatPaymentStart> {
    const application = await this.access.get(actor, 'application', applicationId);
    if (application.state !== 'approved') throw new DomainError('PAYMENT_NOT_DUE');
    const hold = await this.seats.holdOf(applicationId, 'held');
    if (!hold?.heldUntil) throw new DomainError('ON_WAITING_LIST');
    if (hold.heldUntil.getTime() <= this.clock.now().getTime()) throw new DomainError('PAYMENT_DEADLINE_PASSED');
    const openid = await this.auth.openidOf(actor.userId);
    if (!openid) throw new DomainError('WECHAT_NOT_LINKED');

    const amountFen = applicationFee(application);
    const payments = this.paymentRows;
    // Paying twice for one seat helps nobody: while the school's order for the class is open, it pays this fee.
    if (await payments.existsBy({ applicationId, state: 'pending', orderId: Not(IsNull()) })) throw new DomainError('PAYMENT_BY_SCHOOL');
    let payment = await payments.findOneBy({ applicationId, channel: 'wechat', state: 'pending', amountFen, orderId: IsNull() });
    if (!payment) {
      payment = paymentRow({
        applicationId,
        channel: 'wechat',
        outTradeNo: newOutTradeNo(),
        amountFen,
        state: 'pending',
        expiresAt: hold.heldUntil,
        createdAt: this.clock.now(),
      });
      await payments.insert(payment);
    }
    // The same order number again: WeChat answers with a fresh prepay_id for the same order.
    const prepayId = await this.wechatPay.createJsapiOrder({
      description: `${occupationLevel(application.planId, application.level)}考核费`,
      outTradeNo: payment.outTradeNo,
      timeExpire: payment.expiresAt,
      amountFen,
      openid,
    });
    await payments.update({ id: payment.id }, { prepayId });
    return { outTradeNo: payment.outTradeNo, amountFen, expiresAt: payment.expiresAt.toISOString(), params: this.wechatPay.requestPaymentParams(prepayId) };
  }

  /**
   * The app's word that requestPayment returned: WeChat is asked at once, and
   * until it confirms, the application reads 支付结果确认中 rather than unpaid —
   * the app never decides that anything is paid.
   */
  async checkWechat(actor: CandidateActor, applicationId: string): Promise<ApplicationView> {
    await this.access.require(actor, 'application', [applicationId]);
    const payments = this.paymentRows;
    const open = await payments.findOneBy({ applicationId, channel: 'wechat', state: 'pending', orderId: IsNull() });
    if (open?.prepayId) {
      const transaction = await this.wechatPay.queryOrder(open.outTradeNo).catch(() => undefined);
      if (transaction?.trade_state === 'SUCCESS') await this.settle(transaction, 'app check');
      else await payments.update({ id: open.id, state: 'pending' }, { payingAt: this.clock.now() });
    }
    return this.views.viewOf(applicationId);
  }

  /**
   * The safety net for lost notifications: every pending WeChat order is asked
   * about; paid ones are settled, unpaid ones past the deadline are closed at
   * WeChat (so nobody can pay them later) and here, which lets the seat go.
   */
  async reconcilePending(): Promise<{ paid: number; closed: number }> {
    const now = this.clock.now();
    // Orders WeChat knows — a candidate's, a school's; members' shares follow their school's order.
    const pending = await this.paymentRows.find({ where: { channel: 'wechat', state: 'pending', orderId: IsNull() }, order: { createdAt: 'ASC' }, take: 200 });
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
    let transaction = payment.prepayId || payment.codeUrl ? await this.wechatPay.queryOrder(payment.outTradeNo) : undefined;
    if (transaction?.trade_state === 'SUCCESS') return (await this.settle(transaction, 'order query')) === 'paid' ? 'paid' : 'pending';
    if (payment.expiresAt.getTime() > now.getTime()) return 'pending';
    if (transaction) {
      await this.wechatPay.closeOrder(payment.outTradeNo).catch(() => undefined);
      // Paid in the last instant before closing: WeChat refuses to close it, and the query says so.
      transaction = await this.wechatPay.queryOrder(payment.outTradeNo);
      if (transaction?.trade_state === 'SUCCESS') return (await this.settle(transaction, 'order query')) === 'paid' ? 'paid' : 'pending';
    }
    return (await this.closeHere(payment.id)) ? 'closed' : 'pending';
  }

  /** An order closed on our side, with its members' shares if it is a school's: their seats may go. */
  async closeHere(paymentId: string): Promise<boolean> {
    return this.uow.run(async (manager) => {
      const result = await manager.update(PaymentEntity, { id: paymentId, state: 'pending' }, { state: 'closed', openBatchId: null });
      if (result.affected) await manager.update(PaymentEntity, { orderId: paymentId, state: 'pending' }, { state: 'closed' });
      return Boolean(result.affected);
    });
  }

  /** The candidate's open WeChat order for an application (what the H5 demo's pay button completes). */
  async pendingWechatOrder(actor: CandidateActor, applicationId: string): Promise<string> {
    await this.access.require(actor, 'application', [applicationId]);
    const payment = await this.paymentRows.findOneBy({ applicationId, channel: 'wechat', state: 'pending', orderId: IsNull() });
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
      const application = await this.access.get(actor, 'application', applicationId, { manager });
      await this.states.transition(manager, application, 'cancelled', { kind: 'staff', id: actor.staffId }, 'admin', reason);
      await this.seats.releaseWithin(manager, applicationId);
      const paid = await manager.findOneBy(PaymentEntity, { applicationId, channel: 'wechat', state: 'paid' });
      if (!paid || paid.refundState) return undefined;
      // A member's share goes back out of the school's transaction: a partial refund of the whole order.
      const order = paid.orderId ? await manager.findOneBy(PaymentEntity, { id: paid.orderId }) : paid;
      if (!order?.transactionId) return undefined;
      const outRefundNo = `RF${paid.outTradeNo.slice(2)}`;
      await manager.update(PaymentEntity, { id: paid.id }, { refundState: 'pending', outRefundNo });
      return { transactionId: order.transactionId, outRefundNo, amountFen: paid.amountFen, totalFen: order.amountFen };
    });
    for (const open of await this.paymentRows.findBy({ applicationId, channel: 'wechat', state: 'pending' })) {
      // A share pending in the school's order: that order can no longer be paid as it stands; the school orders again without this member.
      const order = open.orderId ? await this.paymentRows.findOneBy({ id: open.orderId, state: 'pending' }) : open;
      if (!order) continue;
      await this.wechatPay.closeOrder(order.outTradeNo).catch(() => undefined);
      await this.closeHere(order.id);
    }
    if (refund) await this.wechatPay.refund({ ...refund, reason: `报名已取消：${reason}` });
    return this.views.viewOf(applicationId);
  }

  /** WeChat's word that a refund went through: recorded once, however often it comes. */
  async onRefundNotification(headers: NotificationHeaders, rawBody: string): Promise<void> {
    const result = await this.wechatPay.openNotification<WechatRefundResult>(headers, rawBody);
    if (result.mchid !== this.wechatPay.mchid) throw new DomainError('PAYMENT_NOTIFICATION_INVALID', '商户信息不符');
    if (result.refund_status !== 'SUCCESS') {
      this.logger.warn({ event: 'refund-not-successful', outRefundNo: result.out_refund_no, status: result.refund_status });
      return;
    }
    await this.paymentRows.update(
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
    const application = await this.applications.mustGet(applicationId, { within: manager });
    if (application.state !== 'approved') throw new DomainError('PAYMENT_NOT_DUE', `该报名当前为“${APPLICATION_STATE_NAMES[application.state]}”，不能确认缴费`);
    const amountFen = applicationFee(application);
    if (credit.amountFen !== amountFen)
      throw new DomainError('CREDIT_AMOUNT_MISMATCH', `到账${formatAmount(credit.amountFen)}与应缴${formatAmount(amountFen)}不符`);
    await manager.insert(
      PaymentEntity,
      paymentRow({
        applicationId,
        channel: 'bank',
        outTradeNo: newOutTradeNo('BK'),
        amountFen,
        state: 'paid',
        expiresAt: credit.receivedAt,
        paidAt: credit.receivedAt,
        createdAt: this.clock.now(),
      }),
    );
    await this.states.transition(
      manager,
      application,
      'paid',
      by,
      by.kind === 'staff' ? 'finance' : 'system',
      `银行转账 ${formatAmount(amountFen)}（付款人 ${credit.payer || '未知'}）`,
    );
    await this.seats.confirmWithin(manager, applicationId);
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
    const payment = await this.paymentRows.findOneBy({ outTradeNo: transaction.out_trade_no });
    if (!payment) {
      this.logger.warn({ event: 'payment-unknown-order', outTradeNo: transaction.out_trade_no, source });
      return 'unknown-order';
    }
    if (transaction.amount.total !== payment.amountFen) {
      const reason = `到账金额${formatAmount(transaction.amount.total)}与应缴${formatAmount(payment.amountFen)}不符`;
      await this.paymentRows.update({ id: payment.id, state: In(['pending', 'closed']) }, { state: 'flagged', flagReason: reason, openBatchId: null });
      // The members of a school's order are not paid by money that does not fit: their seats follow their own deadlines.
      await this.paymentRows.update({ orderId: payment.id, state: 'pending' }, { state: 'closed' });
      this.logger.warn({ event: 'payment-flagged', paymentId: payment.id, reason, source });
      return 'flagged';
    }
    return this.uow.run(async (manager) => {
      const paidAt = transaction.success_time ? new Date(transaction.success_time) : this.clock.now();
      const claimed = await manager.update(
        PaymentEntity,
        { id: payment.id, state: In(['pending', 'closed']) },
        { state: 'paid', transactionId: transaction.transaction_id ?? null, paidAt, openBatchId: null },
      );
      if (!claimed.affected) return 'already-paid';
      if (!payment.batchId)
        return (await this.payApplication(manager, payment, paidAt, `微信支付 ${formatAmount(payment.amountFen)}`, source)) ? 'paid' : 'flagged';
      // A school's order: every member's share is paid by the one transaction.
      const shares = await manager.findBy(PaymentEntity, { orderId: payment.id });
      let allPaid = true;
      for (const share of shares) {
        await manager.update(PaymentEntity, { id: share.id }, { state: 'paid', paidAt });
        const note = `学校统一缴费（微信支付）${formatAmount(share.amountFen)}`;
        allPaid = (await this.payApplication(manager, { ...share, state: 'paid' }, paidAt, note, source)) && allPaid;
      }
      return allPaid ? 'paid' : 'flagged';
    });
  }

  /**
   * One application's fee has arrived: paid, seat kept. Money for an application
   * that has moved on (expired, cancelled) is kept and put before finance. False then.
   */
  private async payApplication(manager: EntityManager, payment: PaymentEntity, paidAt: Date, note: string, source: string): Promise<boolean> {
    const application = payment.applicationId ? await this.applications.get(payment.applicationId, { within: manager }) : null;
    if (application?.state !== 'approved') {
      const state = application ? APPLICATION_STATE_NAMES[application.state] : '不存在';
      await manager.update(PaymentEntity, { id: payment.id }, { flagReason: `到账时报名状态为“${state}”，请核对后处理` });
      this.logger.warn({ event: 'payment-after-state-change', paymentId: payment.id, state: application?.state, source, paidAt: paidAt.toISOString() });
      return false;
    }
    await this.states.transition(manager, application, 'paid', { kind: 'system', id: null }, 'system', note);
    await this.seats.confirmWithin(manager, application.id);
    return true;
  }
}

type PaymentRowFields = Pick<PaymentEntity, 'channel' | 'outTradeNo' | 'amountFen' | 'state' | 'expiresAt' | 'createdAt'> & Partial<PaymentEntity>;

/** A new payment row: what is not given is not yet known (null). */
export function paymentRow(fields: PaymentRowFields): PaymentEntity {
  return {
    id: timeOrderedId(),
    applicationId: null,
    batchId: null,
    openBatchId: null,
    orderId: null,
    codeUrl: null,
    payingAt: null,
    prepayId: null,
    transactionId: null,
    paidAt: null,
    flagReason: null,
    refundState: null,
    outRefundNo: null,
    refundedAt: null,
    ...fields,
  };
}

/** A prefix ('SC' WeChat, 'BK' bank, 'GS' a member's share of a school's order) + 28 random base-36 characters, upper case (read aloud to the help desk): unique, ≤ 32, WeChat's alphabet. */
export function newOutTradeNo(prefix = 'SC'): string {
  return `${prefix}${BigInt(`0x${randomBytes(18).toString('hex')}`)
    .toString(36)
    .padStart(28, '0')
    .slice(0, 28)
    .toUpperCase()}`;
}
