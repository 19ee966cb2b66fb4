import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  APPLICATION_STATE_NAMES,
  banMessage,
  DomainError,
  formatAmount,
  occupationLevel,
  TICKETED_APPLICATION_STATES,
  type WechatPaymentStart,
} from '@skillcert/shared';
import { randomBytes } from 'node:crypto';
import { In, IsNull, Not, type EntityManager, type Repository } from 'typeorm';
import { ApplicationRecords, applicationFee, ApplicationStates, type EventActor, ApplicationIntake, type ApplicationEntity } from '../applications';
import { type CandidateActor, type StaffActor, Access } from '../access';
import { SeatsService } from '../sessions';
import { WechatUsers } from '../identity';
import { Clock } from '../common/clock';
import { timeOrderedId } from '../common/time-ordered-id';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { PaymentEntity, type RefundState } from './payment.entity';
import { WechatPayClient, type NotificationHeaders, type WechatRefundResult, type WechatTransaction } from '../wechat/wechatpay.client';

/** refunding: the money arrived for a fee already paid, an application that had ended, or a banned person: it goes back. */
export type Settlement = 'paid' | 'already-paid' | 'flagged' | 'refunding' | 'not-paid' | 'unknown-order';

/**
 * The fee of an approved application, paid by WeChat Pay. The amount comes from
 * the plan, never from the app; an application is marked paid only by WeChat's
 * signed word (notification or order query), exactly once however often it comes.
 */
@Injectable()
export class PaymentsService implements OnModuleInit {
  private readonly logger = new Logger('Payments');

  constructor(
    private readonly users: WechatUsers,
    @InjectRepository(PaymentEntity) private readonly paymentRows: Repository<PaymentEntity>,
    private readonly applications: ApplicationRecords,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly states: ApplicationStates,
    private readonly wechatPay: WechatPayClient,
    private readonly seats: SeatsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: Access,
    private readonly intake: ApplicationIntake,
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
    const openid = await this.users.openidOf(actor.userId);
    if (!openid) throw new DomainError('WECHAT_NOT_LINKED');

    await this.intake.refuseBanned(application.residentIdHash);

    const amountFen = applicationFee(application);
    // Paying twice for one seat helps nobody: while the school's order for the class is open, it pays this fee.
    if (await this.paymentRows.existsBy({ applicationId, state: 'pending', orderId: Not(IsNull()) })) throw new DomainError('PAYMENT_BY_SCHOOL');
    const payment = await this.openOrder(applicationId, amountFen, hold.heldUntil);
    // The same order number again: WeChat answers with a fresh prepay_id for the same order.
    const prepayId = await this.wechatPay.createJsapiOrder({
      description: `${occupationLevel(application.planId, application.level)}考核费`,
      outTradeNo: payment.outTradeNo,
      timeExpire: payment.expiresAt,
      amountFen,
      openid,
    });
    await this.paymentRows.update({ id: payment.id }, { prepayId });
    return { outTradeNo: payment.outTradeNo, amountFen, expiresAt: payment.expiresAt.toISOString(), params: this.wechatPay.requestPaymentParams(prepayId) };
  }

  /**
   * The application's one open WeChat order: made by the first of any number of
   * simultaneous taps, found by the others (`open_application_id` is unique). An
   * order for another amount (the fee changed) is closed first.
   */
  private async openOrder(applicationId: string, amountFen: number, expiresAt: Date): Promise<PaymentEntity> {
    for (let attempt = 0; ; attempt++) {
      const open = await this.paymentRows.findOneBy({ openApplicationId: applicationId });
      if (open && open.amountFen === amountFen) return open;
      if (open) await this.closeOrders([open]);
      const payment = paymentRow({
        applicationId,
        openApplicationId: applicationId,
        channel: 'wechat',
        outTradeNo: newOutTradeNo(),
        amountFen,
        state: 'pending',
        expiresAt,
        createdAt: this.clock.now(),
      });
      try {
        await this.paymentRows.insert(payment);
        return payment;
      } catch (error) {
        // Another tap's order went in first: the next round finds it.
        if (!isUniqueViolation(error) || attempt >= 2) throw error;
      }
    }
  }

  /**
   * The app's word that requestPayment returned: WeChat is asked at once, and
   * until it confirms, the application reads 支付结果确认中 rather than unpaid —
   * the app never decides that anything is paid.
   */
  async checkWechat(actor: CandidateActor, applicationId: string): Promise<void> {
    await this.access.require(actor, 'application', [applicationId]);
    const open = await this.paymentRows.findOneBy({ openApplicationId: applicationId });
    if (open?.prepayId) {
      const transaction = await this.wechatPay.queryOrder(open.outTradeNo).catch(() => undefined);
      if (transaction?.trade_state === 'SUCCESS') await this.settle(transaction, 'app check');
      else await this.paymentRows.update({ id: open.id, state: 'pending' }, { payingAt: this.clock.now() });
    }
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
    // Refunds decided but not yet accepted by WeChat (it was away, or the process died after deciding).
    await this.askRefunds();
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
      const result = await manager.update(PaymentEntity, { id: paymentId, state: 'pending' }, { state: 'closed', openBatchId: null, openApplicationId: null });
      if (result.affected) await manager.update(PaymentEntity, { orderId: paymentId, state: 'pending' }, { state: 'closed' });
      return Boolean(result.affected);
    });
  }

  /** The candidate's open WeChat order for an application (what the H5 demo's pay button completes). */
  async pendingWechatOrder(actor: CandidateActor, applicationId: string): Promise<string> {
    await this.access.require(actor, 'application', [applicationId]);
    const payment = await this.paymentRows.findOneBy({ openApplicationId: applicationId });
    if (!payment) throw new DomainError('PAYMENT_NOT_DUE');
    return payment.outTradeNo;
  }

  /**
   * The body's admin cancels an application (approved or paid): open WeChat
   * orders are closed first (one paid this minute is settled, and then owed back
   * with the rest), the seat goes back, and every payment of the fee is owed
   * back — WeChat's asked of WeChat once the cancellation is written, a transfer
   * put before finance.
   */
  async cancelByBody(actor: StaffActor, applicationId: string, reason: string): Promise<void> {
    await this.access.require(actor, 'application', [applicationId]);
    await this.closeOpenOrders(applicationId, { beforeEnding: true });
    await this.uow.run(async (manager) => {
      const application = await this.access.get(actor, 'application', applicationId, { manager });
      await this.cancelWithin(manager, application, { kind: 'staff', id: actor.staffId }, reason, { keepFee: false });
    });
    await this.askRefunds();
  }

  /**
   * Ends an approved or paid application on the body's word, inside the caller's
   * transaction: the seat back, and unless the rules keep the fee (参评人员须知
   * 第一条), every payment of it owed back. The caller closes open orders before
   * (closeOpenOrders) and asks WeChat for the refunds after (askRefunds).
   */
  async cancelWithin(manager: EntityManager, application: ApplicationEntity, by: EventActor, reason: string, fee: { keepFee: boolean }): Promise<void> {
    await this.states.transition(manager, application, 'cancelled', by, 'admin', reason);
    await this.seats.releaseWithin(manager, application.id);
    if (fee.keepFee) return;
    const paid = await manager.findBy(PaymentEntity, { applicationId: application.id, state: 'paid', refundState: IsNull() });
    for (const payment of paid) await this.oweBack(manager, application, payment, `报名已取消（${reason}）`, by);
  }

  /**
   * Every WeChat order that could still pay this application's fee — its own, or
   * its school's for the class — closed at WeChat and here, before another payment
   * of the fee is confirmed or the application ends. One WeChat says is paid is
   * settled instead. WeChat unreachable: refused, nothing changed — unless the
   * application is ending (`beforeEnding`), which goes on: what the order takes later
   * arrives for an ended application and is owed back at once.
   */
  async closeOpenOrders(applicationId: string, options: { beforeEnding?: boolean } = {}): Promise<void> {
    const open = await this.paymentRows.findBy({ applicationId, channel: 'wechat', state: 'pending' });
    const orders: PaymentEntity[] = [];
    for (const payment of open) {
      // A share pending in the school's order: that order can no longer be paid as it stands; the school orders again without this member.
      const order = payment.orderId ? await this.paymentRows.findOneBy({ id: payment.orderId, state: 'pending' }) : payment;
      if (order) orders.push(order);
    }
    try {
      await this.closeOrders(orders);
    } catch (error) {
      // An application that ends does not wait for WeChat: money its order takes later is owed back on arrival.
      if (!(options.beforeEnding && error instanceof DomainError && error.code === 'PAYMENT_UNAVAILABLE')) throw error;
      this.logger.warn({ event: 'order-close-deferred', applicationId });
      for (const order of orders) await this.closeHere(order.id);
    }
  }

  private async closeOrders(orders: readonly PaymentEntity[]): Promise<void> {
    for (const order of orders) {
      if (order.prepayId || order.codeUrl) {
        const closed = await this.wechatPay.closeOrder(order.outTradeNo).then(
          () => true,
          () => false,
        );
        if (!closed) {
          // Refused: paid this minute (settle it), or WeChat away (refuse: the order may still be paid).
          const transaction = await this.wechatPay.queryOrder(order.outTradeNo).catch(() => undefined);
          if (transaction?.trade_state === 'SUCCESS') {
            await this.settle(transaction, 'order close');
            continue;
          }
          if (transaction?.trade_state !== 'CLOSED') throw new DomainError('PAYMENT_UNAVAILABLE');
        }
      }
      await this.closeHere(order.id);
    }
  }

  /**
   * Money that is not, or no longer, a fee goes back to whoever paid it, and the
   * application's timeline says so: WeChat's through the refund API (asked by
   * askRefunds once the caller's transaction is written), a bank transfer as an
   * item finance sends back by hand (payer and amount in their list).
   */
  async oweBack(
    manager: EntityManager,
    application: Pick<ApplicationEntity, 'id' | 'state'>,
    payment: PaymentEntity,
    reason: string,
    by: EventActor,
  ): Promise<void> {
    const amount = formatAmount(payment.amountFen);
    const owed =
      payment.channel === 'bank'
        ? { refundState: 'owed' as const, refundReason: reason.slice(0, 200) }
        : { refundState: 'pending' as const, refundReason: reason.slice(0, 200), outRefundNo: `RF${payment.outTradeNo.slice(2)}`, refundAskedAt: null };
    const claimed = await manager.update(PaymentEntity, { id: payment.id, refundState: IsNull() }, owed);
    if (!claimed.affected) return;
    const how = payment.channel === 'bank' ? `由财务转回付款账户（${payment.payer ?? '付款人未知'}）` : '原路退回微信支付';
    await this.states.note(manager, application, by, `退款 ${amount}：${reason}，${how}`);
    this.logger.warn({
      event: 'refund-owed',
      paymentId: payment.id,
      applicationId: application.id,
      channel: payment.channel,
      amountFen: payment.amountFen,
      reason,
    });
  }

  /**
   * Asks WeChat for every refund decided and not yet accepted: at once after the
   * decision, and again on each payment check until WeChat takes it (the same
   * out_refund_no: WeChat refunds it once however often it is asked).
   */
  async askRefunds(): Promise<number> {
    const due = await this.paymentRows.find({ where: { refundState: 'pending', refundAskedAt: IsNull() }, order: { createdAt: 'ASC' }, take: 100 });
    let asked = 0;
    for (const payment of due) {
      const order = payment.orderId ? await this.paymentRows.findOneBy({ id: payment.orderId }) : payment;
      if (!order?.transactionId || !payment.outRefundNo) continue;
      try {
        await this.wechatPay.refund({
          transactionId: order.transactionId,
          outRefundNo: payment.outRefundNo,
          amountFen: payment.amountFen,
          totalFen: order.amountFen,
          reason: payment.refundReason ?? '退款',
        });
        await this.paymentRows.update({ id: payment.id, refundAskedAt: IsNull() }, { refundAskedAt: this.clock.now() });
        asked++;
      } catch (error) {
        this.logger.warn({ event: 'refund-ask-failed', paymentId: payment.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return asked;
  }

  /**
   * What finance must see of money going back (newest 500; finance keeps its own body's): open —
   * asked of WeChat and not yet back, owed by finance, or arrived not fitting a fee; done — back.
   */
  async moneyBack(open: boolean): Promise<PaymentEntity[]> {
    const where = open
      ? [{ refundState: In(['pending', 'owed'] satisfies RefundState[]) }, { state: 'flagged' as const }]
      : [{ refundState: 'refunded' as const }];
    return this.paymentRows.find({ where, order: { createdAt: 'DESC' }, take: 500 });
  }

  /** Finance sent a transfer back to the account it came from: recorded once, with who, on the application's timeline. */
  async markSent(manager: EntityManager, payment: PaymentEntity, application: Pick<ApplicationEntity, 'id' | 'state'>, staffId: string): Promise<void> {
    const sent = await manager.update(
      PaymentEntity,
      { id: payment.id, channel: 'bank', refundState: 'owed' },
      { refundState: 'refunded', refundedAt: this.clock.now(), refundDecidedBy: staffId },
    );
    if (!sent.affected) throw new DomainError('REFUND_NOT_OWED');
    await this.states.note(
      manager,
      application,
      { kind: 'staff', id: staffId },
      `已退款 ${formatAmount(payment.amountFen)}：财务已转回付款账户（${payment.payer ?? '付款人未知'}）`,
    );
  }

  /** A payment by id, for finance (their access is checked through its application). */
  payment(id: string, within?: EntityManager): Promise<PaymentEntity | null> {
    return (within ? within.getRepository(PaymentEntity) : this.paymentRows).findOneBy({ id });
  }

  /** Applications among these with a WeChat order still open for their fee (their own, or their school's). */
  async withOpenOrders(applicationIds: readonly string[]): Promise<Set<string>> {
    if (!applicationIds.length) return new Set();
    const ids = In([...applicationIds]);
    // An order that never reached WeChat (it refused, or was away) cannot be paid: it does not count.
    const open = await this.paymentRows.find({
      where: [
        { applicationId: ids, channel: 'wechat', state: 'pending', prepayId: Not(IsNull()) },
        { applicationId: ids, channel: 'wechat', state: 'pending', orderId: Not(IsNull()) },
      ],
      select: { id: true, applicationId: true },
    });
    return new Set(open.flatMap((p) => (p.applicationId ? [p.applicationId] : [])));
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
   * The paid time is when the bank received the money. A credit a person places on
   * an application whose fee is already paid, or that has ended, is recorded and
   * owed back (finance's list shows it).
   */
  async settleBank(
    manager: EntityManager,
    applicationId: string,
    credit: { amountFen: number; receivedAt: Date; payer: string },
    by: { kind: 'staff' | 'system'; id: string | null },
  ): Promise<void> {
    const application = await this.applications.mustGet(applicationId, { within: manager, lock: true });
    const amountFen = applicationFee(application);
    if (credit.amountFen !== amountFen)
      throw new DomainError('CREDIT_AMOUNT_MISMATCH', `到账${formatAmount(credit.amountFen)}与应缴${formatAmount(amountFen)}不符`);
    if (BEFORE_APPROVAL.includes(application.state))
      throw new DomainError('PAYMENT_NOT_DUE', `该报名当前为“${APPLICATION_STATE_NAMES[application.state]}”，不能确认缴费`);
    const notDue = await this.notDue(manager, application);
    const payment = paymentRow({
      applicationId,
      channel: 'bank',
      outTradeNo: newOutTradeNo('BK'),
      amountFen,
      state: 'paid',
      expiresAt: credit.receivedAt,
      paidAt: credit.receivedAt,
      payer: credit.payer.slice(0, 100) || null,
      createdAt: this.clock.now(),
    });
    await manager.insert(PaymentEntity, payment);
    if (notDue) {
      await this.oweBack(manager, application, payment, notDue, by);
      return;
    }
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
      await this.paymentRows.update(
        { id: payment.id, state: In(['pending', 'closed']) },
        { state: 'flagged', flagReason: reason, openBatchId: null, openApplicationId: null },
      );
      // The members of a school's order are not paid by money that does not fit: their seats follow their own deadlines.
      await this.paymentRows.update({ orderId: payment.id, state: 'pending' }, { state: 'closed' });
      this.logger.warn({ event: 'payment-flagged', paymentId: payment.id, reason, source });
      return 'flagged';
    }
    const settlement = await this.uow.run(async (manager): Promise<Settlement> => {
      const paidAt = transaction.success_time ? new Date(transaction.success_time) : this.clock.now();
      const claimed = await manager.update(
        PaymentEntity,
        { id: payment.id, state: In(['pending', 'closed']) },
        { state: 'paid', transactionId: transaction.transaction_id ?? null, paidAt, openBatchId: null, openApplicationId: null },
      );
      if (!claimed.affected) return 'already-paid';
      if (!payment.batchId)
        return (await this.payApplication(manager, payment, paidAt, `微信支付 ${formatAmount(payment.amountFen)}`, source)) ? 'paid' : 'refunding';
      // A school's order: every member's share is paid by the one transaction.
      const shares = await manager.findBy(PaymentEntity, { orderId: payment.id });
      let allPaid = true;
      for (const share of shares) {
        await manager.update(PaymentEntity, { id: share.id }, { state: 'paid', paidAt });
        const note = `学校统一缴费（微信支付）${formatAmount(share.amountFen)}`;
        allPaid = (await this.payApplication(manager, { ...share, state: 'paid' }, paidAt, note, source)) && allPaid;
      }
      return allPaid ? 'paid' : 'refunding';
    });
    if (settlement === 'refunding') await this.askRefunds();
    return settlement;
  }

  /**
   * One application's fee has arrived: paid, seat kept. Money for a fee already
   * paid, an application that has moved on (expired, cancelled) or a person under
   * a ban is owed back at once. False then.
   */
  private async payApplication(manager: EntityManager, payment: PaymentEntity, paidAt: Date, note: string, source: string): Promise<boolean> {
    const application = payment.applicationId ? await this.applications.get(payment.applicationId, { within: manager, lock: true }) : null;
    if (!application) {
      await manager.update(PaymentEntity, { id: payment.id }, { flagReason: '到账时报名不存在，请核对后处理' });
      this.logger.warn({ event: 'payment-without-application', paymentId: payment.id, source });
      return false;
    }
    const notDue = await this.notDue(manager, application);
    if (notDue) {
      await this.oweBack(manager, application, payment, notDue, { kind: 'system', id: null });
      this.logger.warn({ event: 'payment-beyond-fee', paymentId: payment.id, state: application.state, source, paidAt: paidAt.toISOString() });
      return false;
    }
    await this.states.transition(manager, application, 'paid', { kind: 'system', id: null }, 'system', note);
    await this.seats.confirmWithin(manager, application.id);
    return true;
  }

  /** Why money arriving now is not this application's fee (already paid, ended, a ban); undefined when it is. */
  private async notDue(manager: EntityManager, application: ApplicationEntity): Promise<string | undefined> {
    if (TICKETED_APPLICATION_STATES.includes(application.state)) return '该报名已缴费，本笔为重复缴费';
    if (application.state !== 'approved') return `到账时报名状态为“${APPLICATION_STATE_NAMES[application.state]}”`;
    const ban = await this.intake.activeBan(application.residentIdHash, manager);
    return ban ? banMessage(ban) : undefined;
  }
}

/** An application not yet approved owes nothing: money for it is not placed on it. */
const BEFORE_APPROVAL: readonly ApplicationEntity['state'][] = ['draft', 'submitted', 'returned'];

type PaymentRowFields = Pick<PaymentEntity, 'channel' | 'outTradeNo' | 'amountFen' | 'state' | 'expiresAt' | 'createdAt'> & Partial<PaymentEntity>;

/** A new payment row: what is not given is not yet known (null). */
export function paymentRow(fields: PaymentRowFields): PaymentEntity {
  return {
    id: timeOrderedId(),
    applicationId: null,
    batchId: null,
    openBatchId: null,
    openApplicationId: null,
    orderId: null,
    codeUrl: null,
    payingAt: null,
    prepayId: null,
    transactionId: null,
    paidAt: null,
    flagReason: null,
    payer: null,
    refundState: null,
    refundReason: null,
    refundAskedAt: null,
    refundDecidedBy: null,
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
