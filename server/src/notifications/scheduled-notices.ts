import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  formatChineseDate,
  paymentReminderEmail,
  shanghaiDate,
  shanghaiClock,
  ticketHorizon,
  ticketNoticeData,
  ticketNoticeEmail,
  ticketOpen,
} from '@skillcert/shared';
import { In, type EntityManager, type Repository } from 'typeorm';
import { ApplicationRecords, applicationFee } from '../applications';
import { Clock } from '../common/clock';
import { PeriodicJob } from '../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { UnitOfWork } from '../database/unit-of-work';
import { type ExamSessionEntity, type SeatHoldEntity, SeatsService, SessionsService } from '../sessions';
import { CandidateNotices } from './candidate-notices';
import { OutboxEntity } from './outbox.entity';
import { OutboxService } from './outbox.service';
import { TicketDocuments } from '../tickets';

const CHUNK = 200;
const REMIND_BEFORE_MS = 24 * 3_600_000;

/**
 * Messages due at a moment rather than on a change. The moment a session's
 * tickets open, each paid candidate is told: a WeChat
 * message if they hold an accepted "ticket" subscription (spent here), the PDF
 * by e-mail if they gave an address. A seat is claimed for this once
 * (ticket_notice_at), and each message has its dedupe key, so however many
 * schedulers run, however often, every candidate is told once.
 */
@Injectable()
export class ScheduledNotices extends PeriodicJob {
  constructor(
    private readonly applications: ApplicationRecords,
    private readonly seats: SeatsService,
    private readonly sessions: SessionsService,
    @InjectRepository(OutboxEntity) private readonly outboxRows: Repository<OutboxEntity>,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly tickets: TicketDocuments,
    private readonly notices: CandidateNotices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  protected intervalSeconds(): number {
    return this.config.noticeScheduleSeconds;
  }

  protected async round(): Promise<void> {
    await this.schedule();
    await this.remindPayments();
  }

  /**
   * A day before a held seat's payment deadline, its candidate is reminded by
   * e-mail (no WeChat template is spent on it). Once per deadline, however many
   * rounds see it: the deadline is in the message's key.
   */
  async remindPayments(): Promise<number> {
    const now = this.clock.now();
    const holds = await this.seats.holds({ status: 'held', heldUntil: { after: now, before: new Date(now.getTime() + REMIND_BEFORE_MS) } }, { take: 500 });
    // Seen in an earlier round: already reminded (the key holds the deadline), nothing to build again.
    const keyOf = (hold: SeatHoldEntity) => `reminder:${hold.applicationId}:${hold.heldUntil?.getTime()}:email`;
    const done = holds.length
      ? new Set((await this.outboxRows.find({ where: { dedupeKey: In(holds.map(keyOf)) }, select: { dedupeKey: true } })).map((o) => o.dedupeKey))
      : new Set<string>();
    let written = 0;
    for (const hold of holds.filter((h) => !done.has(keyOf(h)))) {
      written += await this.uow.run(async (manager) => {
        const application = await this.applications.get(hold.applicationId, { within: manager });
        if (application?.state !== 'approved' || !hold.heldUntil) return 0;
        const messages = await this.notices.messages(manager, application, {
          kind: 'reminder',
          dedupe: `reminder:${application.id}:${hold.heldUntil.getTime()}`,
          email: paymentReminderEmail({
            name: application.applicantName,
            planId: application.planId,
            level: application.level,
            feeFen: applicationFee(application),
            deadline: `${formatChineseDate(shanghaiDate(hold.heldUntil))} ${shanghaiClock(hold.heldUntil)}`,
          }),
        });
        return this.outbox.enqueue(manager, messages);
      });
    }
    return written;
  }

  /** Writes the messages for every seat whose ticket has opened and whose candidate has not been told. Returns how many. */
  async schedule(): Promise<number> {
    const today = shanghaiDate(this.clock.now());
    const sessions = (await this.sessions.find({ date: { from: today, to: ticketHorizon(today) } })).filter((s) => ticketOpen(s.date, today).open);
    let written = 0;
    for (const session of sessions) {
      for (;;) {
        const holds = await this.seats.holds({ sessionIds: [session.id], status: 'confirmed', ticketUnnoticed: true }, { order: 'held', take: CHUNK });
        if (!holds.length) break;
        written += await this.uow.run((manager) => this.tell(manager, session, holds));
      }
    }
    if (written) this.logger.log({ event: 'ticket-notices-written', messages: written });
    return written;
  }

  private async tell(manager: EntityManager, session: ExamSessionEntity, holds: SeatHoldEntity[]): Promise<number> {
    const now = this.clock.now();
    const claimed: SeatHoldEntity[] = [];
    // In id order, the order every transaction numbering seats locks them in.
    for (const hold of [...holds].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      // Another scheduler may have taken this seat since it was read: only the one whose update lands tells the candidate.
      if (await this.seats.claimTicketNotice(manager, hold.id, now)) claimed.push(hold);
    }
    if (!claimed.length) return 0;
    await this.tickets.numberSeats(manager, session, claimed);
    const applications = await this.applications.find({ ids: claimed.map((h) => h.applicationId) }, { within: manager });
    // A class member nobody has claimed in the app has neither: their school prints the class's tickets.
    const messages = await this.notices.messagesForEach(
      manager,
      applications.map((application) => {
        const facts = { planId: application.planId, level: application.level, sessionDate: session.date, site: session.site };
        return {
          application,
          notice: {
            kind: 'ticket' as const,
            dedupe: `ticket:${application.id}:${session.id}`,
            wechat: { template: 'ticket' as const, data: ticketNoticeData(facts) },
            email: {
              ...ticketNoticeEmail({ ...facts, name: application.applicantName }),
              attachment: { kind: 'ticket' as const, applicationId: application.id },
            },
          },
        };
      }),
    );
    await this.outbox.enqueue(manager, messages);
    return messages.length;
  }
}
