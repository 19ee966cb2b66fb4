import { InjectRepository } from '@nestjs/typeorm';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { In, type EntityManager, type Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { timeOrderedId } from '../common/time-ordered-id';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { UnitOfWork } from '../database/unit-of-work';
import { WechatClient, WechatSendError } from '../wechat/wechat.client';
import { isPermanentMailFailure, Mailer } from './mailer';
import { OutboxEntity, type OutboxChannel, type OutboxKind, type OutboxPayload } from './outbox.entity';
import { TicketDocuments } from '../tickets';

export interface NewMessage {
  kind: OutboxKind;
  channel: OutboxChannel;
  userId: string | null;
  recipient: string;
  templateId?: string;
  payload: OutboxPayload;
  dedupeKey: string;
  /** Not before this moment (a reminder a day ahead); now when absent. */
  notBefore?: Date;
}

/** After each failed try, wait this long before the next; then give up. */
const BACKOFF_SECONDS = [5, 30, 120, 600, 1800, 3600, 3600, 3600];
/** A claimed message not settled by then belongs to whoever claims it next (its worker died). */
const INTERRUPTED = '上次发送被中断，结果未知';
const PARALLEL_SENDS = 16;

/**
 * Messages that are never lost nor doubled. Written in the transaction of the
 * change that causes them (one row per person, channel and cause: the dedupe key);
 * sent by workers that claim rows with FOR UPDATE SKIP LOCKED (several server
 * processes may run) under a lease, so a worker that dies mid-send lets its rows
 * go to the next. WeChat's own rule — one message per accepted subscription —
 * turns a resend after such a crash into a refusal, never a second message.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');

  constructor(
    @InjectRepository(OutboxEntity) private readonly outboxRows: Repository<OutboxEntity>,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly wechat: WechatClient,
    private readonly mailer: Mailer,
    private readonly tickets: TicketDocuments,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Inside the caller's transaction. A message whose dedupe key exists already is the same message: skipped. Returns how many are new. */
  async enqueue(manager: EntityManager, messages: NewMessage[]): Promise<number> {
    if (!messages.length) return 0;
    const now = this.clock.now();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxEntity)
      .values(
        messages.map((m) => ({
          id: timeOrderedId(),
          kind: m.kind,
          channel: m.channel,
          userId: m.userId,
          recipient: m.recipient,
          templateId: m.templateId ?? null,
          payload: m.payload,
          dedupeKey: m.dedupeKey,
          state: 'pending' as const,
          attempts: 0,
          nextAttemptAt: m.notBefore ?? now,
          leaseUntil: null,
          outcome: null,
          sentAt: null,
          createdAt: now,
        })),
      )
      .orIgnore()
      .updateEntity(false)
      .execute();
    return result.raw && typeof (result.raw as { affectedRows?: unknown }).affectedRows === 'number'
      ? (result.raw as { affectedRows: number }).affectedRows
      : messages.length;
  }

  /** One round: claim what is due, send it, record each outcome. Returns how many were claimed. */
  async work(limit = 100): Promise<number> {
    const claimed = await this.claim(limit);
    const delivered: string[] = [];
    let next = 0;
    // A pool, not waves: one slow answer holds up only its own sender.
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL_SENDS, claimed.length) }, async () => {
        while (next < claimed.length) {
          const message = claimed[next++]!;
          if ((await this.deliver(message)) === 'delivered') delivered.push(message.id);
        }
      }),
    );
    if (delivered.length) {
      await this.outboxRows.update({ id: In(delivered), state: 'sending' }, { state: 'sent', outcome: null, leaseUntil: null, sentAt: this.clock.now() });
    }
    return claimed.length;
  }

  /** Until nothing is due (tests, and the worker's timer). */
  async drain(): Promise<void> {
    while ((await this.work()) > 0);
  }

  private async claim(limit: number): Promise<OutboxEntity[]> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.config.outboxLeaseSeconds * 1000);
    return this.uow.run(async (manager) => {
      const due = manager
        .createQueryBuilder(OutboxEntity, 'o')
        .select(['o.id', 'o.state'])
        .where("(o.state = 'pending' AND o.nextAttemptAt <= :now) OR (o.state = 'sending' AND o.leaseUntil < :now)", { now })
        .orderBy('o.nextAttemptAt', 'ASC')
        .limit(limit);
      // Several servers: each takes rows no other has locked, instead of queueing behind them.
      if (this.uow.rowLock) due.setLock('pessimistic_write').setOnLocked('skip_locked');
      const rows = await due.getMany();
      if (!rows.length) return [];
      const interrupted = rows.filter((r) => r.state === 'sending').map((r) => r.id);
      if (interrupted.length) await manager.update(OutboxEntity, { id: In(interrupted) }, { outcome: INTERRUPTED });
      await manager.update(OutboxEntity, { id: In(rows.map((r) => r.id)) }, { state: 'sending', leaseUntil, attempts: () => 'attempts + 1' });
      return manager.findBy(OutboxEntity, { id: In(rows.map((r) => r.id)) });
    });
  }

  /**
   * Sends one message and records anything but a plain WeChat delivery. Those
   * are recorded together when the round ends: a crash before that sends them
   * again, and WeChat's one message per accept turns the resend into a refusal
   * that reads as delivered (below) — never a second message. An e-mail has no
   * such guard, so it is recorded the moment it leaves.
   */
  private async deliver(message: OutboxEntity): Promise<'delivered' | 'settled'> {
    try {
      if (message.channel === 'wechat') {
        if (!('data' in message.payload) || !message.templateId) return await this.settle(message, 'failed', '消息内容不完整');
        const answer = await this.wechat.sendSubscribeMessage({
          touser: message.recipient,
          templateId: message.templateId,
          page: message.payload.page,
          data: message.payload.data,
        });
        if (answer === 'sent') return 'delivered';
        // One message per accept: after an interrupted try, "no subscription left" means that try got through.
        if (message.outcome === INTERRUPTED) return await this.settle(message, 'sent', '前次发送已送达（微信答复订阅已用完）');
        return await this.settle(message, 'failed', '用户没有可用的订阅（43101）');
      }
      if (!('subject' in message.payload)) return await this.settle(message, 'failed', '邮件内容不完整');
      const attachment = message.payload.attachment ? await this.tickets.ticketPdf(message.payload.attachment.applicationId) : undefined;
      await this.mailer.send({
        to: message.recipient,
        subject: message.payload.subject,
        text: message.payload.text,
        messageId: message.id,
        ...(attachment ? { attachments: [{ filename: attachment.filename, content: attachment.content, contentType: 'application/pdf' }] } : {}),
      });
      return await this.settle(message, 'sent', null);
    } catch (error) {
      const permanent = (error instanceof WechatSendError && !error.retryable) || isPermanentMailFailure(error);
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 180);
      if (permanent || message.attempts >= BACKOFF_SECONDS.length) return this.settle(message, 'failed', reason);
      const wait = BACKOFF_SECONDS[Math.max(0, message.attempts - 1)]!;
      await this.outboxRows.update(
        { id: message.id, state: 'sending' },
        { state: 'pending', leaseUntil: null, outcome: reason, nextAttemptAt: new Date(this.clock.now().getTime() + wait * 1000) },
      );
      this.logger.warn({ event: 'outbox-retry', id: message.id, channel: message.channel, attempts: message.attempts, reason });
      return 'settled';
    }
  }

  private async settle(message: OutboxEntity, state: 'sent' | 'failed', outcome: string | null): Promise<'settled'> {
    await this.outboxRows.update(
      { id: message.id, state: 'sending' },
      { state, outcome, leaseUntil: null, ...(state === 'sent' ? { sentAt: this.clock.now() } : {}) },
    );
    if (state === 'failed') this.logger.warn({ event: 'outbox-failed', id: message.id, kind: message.kind, channel: message.channel, outcome });
    return 'settled';
  }
}
