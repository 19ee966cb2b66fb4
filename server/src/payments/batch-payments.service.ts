import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError, occupationLevel, type BatchPaymentView } from '@skillcert/shared';
import { In, IsNull, type Repository } from 'typeorm';
import { ApplicationRecords, applicationFee } from '../applications';
import { type StaffActor, Access } from '../access';
import type { BatchEntity } from '../batches';
import { Clock } from '../common/clock';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { SeatsService } from '../sessions';
import { WechatPayClient } from '../wechat/wechatpay.client';
import { PaymentEntity } from './payment.entity';
import { newOutTradeNo, paymentRow, PaymentsService } from './payments.service';

/** How long an order may wait for WeChat's code before it counts as abandoned (WeChat answers within 5 s). */
const CODE_WAIT_MS = 10_000;

interface DueMember {
  applicationId: string;
  name: string;
  feeFen: number;
  deadline: Date;
}

/**
 * A school pays its class with one WeChat Pay order (Native: a code its finance
 * office scans). WeChat knows one order for the total; here each member has a
 * share of it, so seats, receipts and refunds stay per person.
 */
@Injectable()
export class BatchPaymentsService {
  constructor(
    private readonly seats: SeatsService,
    private readonly applications: ApplicationRecords,
    @InjectRepository(PaymentEntity) private readonly paymentRows: Repository<PaymentEntity>,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly wechatPay: WechatPayClient,
    private readonly payments: PaymentsService,
    private readonly access: Access,
  ) {}

  async view(actor: StaffActor, batchId: string): Promise<BatchPaymentView> {
    return this.viewOf(await this.own(actor, batchId));
  }

  /**
   * Orders the fee of every member who owes it now (approved, seat held) — or
   * keeps the open order if it still covers exactly them. Members' own open
   * orders are closed first, so no fee is paid twice.
   */
  async order(actor: StaffActor, batchId: string): Promise<BatchPaymentView> {
    const batch = await this.own(actor, batchId);
    let due = await this.due(batch.id);
    const repository = this.paymentRows;
    const own = due.length
      ? await repository.findBy({ applicationId: In(due.map((d) => d.applicationId)), channel: 'wechat', state: 'pending', orderId: IsNull() })
      : [];
    for (const order of own) {
      const closed = await (order.prepayId ? this.wechatPay.closeOrder(order.outTradeNo) : Promise.resolve()).then(
        () => true,
        () => false,
      );
      // WeChat would not close it (the student may be paying this minute): their own order settles them.
      if (closed) await this.payments.closeHere(order.id);
      else due = due.filter((d) => d.applicationId !== order.applicationId);
    }
    if (!due.length) throw new DomainError('BATCH_NOTHING_DUE');
    const amountFen = due.reduce((sum, d) => sum + d.feeFen, 0);

    const open = await repository.findOneBy({ batchId: batch.id, state: 'pending' });
    // Another click is getting this order's code from WeChat right now: its order is the class's.
    if (open && !open.codeUrl && this.clock.now().getTime() - open.createdAt.getTime() < CODE_WAIT_MS) return this.theirOrder(batch);
    if (open) {
      const shares = await repository.findBy({ orderId: open.id, state: 'pending' });
      const covered = new Set(shares.map((s) => s.applicationId));
      if (open.codeUrl && open.amountFen === amountFen && shares.length === due.length && due.every((d) => covered.has(d.applicationId))) {
        return this.viewOf(batch);
      }
      // The class changed since (someone approved, cancelled, paid alone): the old code must not be payable any more.
      // WeChat refuses to close an order paid this minute: then its notification settles the class, not a second order.
      if (open.codeUrl) await this.wechatPay.closeOrder(open.outTradeNo);
      await this.payments.closeHere(open.id);
    }

    const now = this.clock.now();
    const expiresAt = new Date(Math.min(...due.map((d) => d.deadline.getTime())));
    const order = paymentRow({
      batchId: batch.id,
      openBatchId: batch.id,
      channel: 'wechat',
      outTradeNo: newOutTradeNo(),
      amountFen,
      state: 'pending',
      expiresAt,
      createdAt: now,
    });
    const created = await this.uow
      .run(async (manager) => {
        await manager.insert(PaymentEntity, order);
        await manager.insert(
          PaymentEntity,
          due.map((d) =>
            paymentRow({
              applicationId: d.applicationId,
              orderId: order.id,
              channel: 'wechat',
              outTradeNo: newOutTradeNo('GS'),
              amountFen: d.feeFen,
              state: 'pending',
              expiresAt,
              createdAt: now,
            }),
          ),
        );
        return true;
      })
      .catch((error: unknown) => {
        // Another clerk's click made the class's order a moment ago: theirs stands, and this one shows it.
        if (isUniqueViolation(error)) return false;
        throw error;
      });
    if (!created) return this.theirOrder(batch);
    try {
      const codeUrl = await this.wechatPay.createNativeOrder({
        description: `${occupationLevel(batch.planId, batch.level)}考核费·${batch.name}（${due.length}人）`,
        outTradeNo: order.outTradeNo,
        timeExpire: expiresAt,
        amountFen,
      });
      await repository.update({ id: order.id }, { codeUrl });
    } catch (error) {
      // Never reached WeChat: nothing can be paid, and the members are free to pay alone.
      await this.payments.closeHere(order.id);
      throw error;
    }
    return this.viewOf(batch);
  }

  /** The other click's order: it has its code once WeChat has answered them (within WeChat's 5 s), so wait that long at most. */
  private async theirOrder(batch: BatchEntity): Promise<BatchPaymentView> {
    for (let attempt = 0; ; attempt++) {
      const view = await this.viewOf(batch);
      if (view.order || attempt >= 30) return view;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The school's open order number (what the H5 demo's pay button completes). */
  async pendingOrder(actor: StaffActor, batchId: string): Promise<string> {
    const batch = await this.own(actor, batchId);
    const open = await this.paymentRows.findOneBy({ batchId: batch.id, state: 'pending' });
    if (!open?.codeUrl) throw new DomainError('PAYMENT_NOT_DUE');
    return open.outTradeNo;
  }

  async viewOf(batch: BatchEntity): Promise<BatchPaymentView> {
    const due = await this.due(batch.id);
    const repository = this.paymentRows;
    const [paid, open] = await Promise.all([
      this.applications.count({ batchId: batch.id, state: 'paid' }),
      repository.findOneBy({ batchId: batch.id, state: 'pending' }),
    ]);
    const members = open?.codeUrl ? await repository.countBy({ orderId: open.id, state: 'pending' }) : 0;
    return {
      due: due.map((d) => ({ applicationId: d.applicationId, name: d.name, feeFen: d.feeFen, deadline: d.deadline.toISOString() })),
      dueFen: due.reduce((sum, d) => sum + d.feeFen, 0),
      ...(due.length ? { deadline: new Date(Math.min(...due.map((d) => d.deadline.getTime()))).toISOString() } : {}),
      paid,
      ...(open?.codeUrl
        ? { order: { outTradeNo: open.outTradeNo, amountFen: open.amountFen, expiresAt: open.expiresAt.toISOString(), codeUrl: open.codeUrl, members } }
        : {}),
    };
  }

  /** Members who owe their fee now: approved, with a seat held until a deadline still ahead. */
  private async due(batchId: string): Promise<DueMember[]> {
    const approved = await this.applications.find(
      { batchId, state: 'approved' },
      { select: ['planId', 'level', 'applicantName', 'batchRow', 'subjects', 'feeFen'], order: 'batch-row' },
    );
    const holds = await this.seats.holds({ applicationIds: approved.map((a) => a.id), status: 'held', heldUntil: { after: this.clock.now() } });
    const deadlineOf = new Map(holds.flatMap((h) => (h.heldUntil ? [[h.applicationId, h.heldUntil] as const] : [])));
    return approved.flatMap((a) => {
      const deadline = deadlineOf.get(a.id);
      return deadline ? [{ applicationId: a.id, name: a.applicantName, feeFen: applicationFee(a), deadline }] : [];
    });
  }

  private own(actor: StaffActor, batchId: string): Promise<BatchEntity> {
    return this.access.get(actor, 'batch', batchId);
  }
}
