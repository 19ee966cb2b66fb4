import { Injectable } from '@nestjs/common';
import {
  DomainError,
  getPlan,
  levelDisplayName,
  shanghaiDate,
  ticketNotices,
  TICKETED_APPLICATION_STATES,
  ticketOpen,
  ticketSubjects,
  type TicketView,
} from '@skillcert/shared';
import type { EntityManager } from 'typeorm';
import type { ApplicationEntity } from '../applications/application.entity';
import { ApplicationRecords } from '../applications/application-records.service';
import type { CandidateActor, StaffActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { Sequences } from '../database/sequences';
import { UnitOfWork } from '../database/unit-of-work';
import type { ExamSessionEntity } from '../sessions/exam-session.entity';
import type { SeatHoldEntity } from '../sessions/seat-hold.entity';
import { SeatsService } from '../sessions/seats.service';
import { SessionsService } from '../sessions/sessions.service';
import { TicketPdfRenderer } from './ticket-pdf-renderer';
import { Access } from '../access/access';

/** A paid candidate's admission ticket: its number, the page in the app, and the PDF (Chinese embedded as a font subset). */
@Injectable()
export class TicketDocuments {
  constructor(
    private readonly applications: ApplicationRecords,
    private readonly sessions: SessionsService,
    private readonly seats: SeatsService,
    private readonly uow: UnitOfWork,
    private readonly sequences: Sequences,
    private readonly clock: Clock,
    private readonly pdf: TicketPdfRenderer,
    private readonly access: Access,
  ) {}

  /** The candidate's own ticket, from 00:00 of the day it opens; before that, the day it will. */
  async forCandidate(actor: CandidateActor, applicationId: string): Promise<TicketView> {
    return this.view(await this.access.get(actor, 'application', applicationId));
  }

  async pdfForCandidate(actor: CandidateActor, applicationId: string): Promise<{ filename: string; content: Buffer }> {
    return this.render(await this.forCandidate(actor, applicationId));
  }

  /** For the e-mail that carries it: the same checks, no owner (the outbox writes only to the owner's address). */
  async ticketPdf(applicationId: string): Promise<{ filename: string; content: Buffer }> {
    const application = await this.applications.mustGet(applicationId);
    return this.render(await this.view(application));
  }

  private async view(application: ApplicationEntity): Promise<TicketView> {
    const hold = await this.seats.holdOf(application.id, 'confirmed');
    // A ticket is for a paid seat; anything else has no ticket yet (or any more).
    if (!hold || !TICKETED_APPLICATION_STATES.includes(application.state)) throw new DomainError('TICKET_NOT_AVAILABLE');
    const session = await this.sessions.get(hold.sessionId);
    if (!session) throw new DomainError('TICKET_NOT_AVAILABLE');
    const open = ticketOpen(session.date, shanghaiDate(this.clock.now()));
    if (!open.open) throw new DomainError('TICKET_NOT_YET', open.message);
    const ticketNo = hold.ticketNo ?? (await this.uow.run((manager) => this.numberSeats(manager, session, [hold]))).get(hold.id)!;
    const plan = getPlan(application.planId);
    return {
      ticketNo,
      name: application.applicantName,
      residentIdMasked: application.residentIdMasked,
      planId: application.planId,
      level: application.level,
      levelName: `${plan.occupation.name} ${levelDisplayName(application.planId, application.level)}`,
      body: plan.body.name,
      session: { date: session.date, site: session.site, ...(plan.assessment.site ? { address: plan.assessment.site.address } : {}) },
      // A make-up sits only its own subjects.
      subjects: ticketSubjects(application.planId, application.level, session, application.subjects),
      notices: ticketNotices(application.planId),
    };
  }

  /**
   * Ticket numbers for seats that have none: the session date and a running
   * number for that date (2603270001), taken from the day's sequence. Each seat
   * is locked first (in id order, as every numbering transaction takes them) and
   * read again under the lock: whoever numbered it a moment ago wins, once.
   */
  async numberSeats(manager: EntityManager, session: ExamSessionEntity, holds: Pick<SeatHoldEntity, 'id'>[]): Promise<Map<string, string>> {
    const numbers = new Map<string, string>();
    const unnumbered: string[] = [];
    for (const id of [...new Set(holds.map((h) => h.id))].sort()) {
      const [current] = await this.seats.holds({ ids: [id] }, { within: manager, lock: true, select: ['ticketNo'] });
      if (current?.ticketNo) numbers.set(id, current.ticketNo);
      else if (current) unnumbered.push(id);
    }
    if (!unnumbered.length) return numbers;
    const prefix = session.date.replace(/-/g, '').slice(2);
    const first = await this.sequences.take(manager, `ticket:${prefix}`, unnumbered.length, () => this.seats.highestTicketNo(manager, prefix));
    for (const [i, id] of unnumbered.entries()) {
      const ticketNo = `${prefix}${String(first + i).padStart(4, '0')}`;
      await this.seats.writeTicketNo(manager, id, ticketNo);
      numbers.set(id, ticketNo);
    }
    return numbers;
  }

  /**
   * A school's printable tickets for its class, one page each, from the moment
   * they open: every member with a paid seat whose ticket is open.
   */
  async batchPdf(actor: StaffActor, batchId: string): Promise<{ filename: string; content: Buffer }> {
    const batch = await this.access.get(actor, 'batch', batchId);
    const members = await this.applications.find({ batchId: batch.id }, { order: 'batch-row' });
    const tickets: TicketView[] = [];
    let firstRefusal: DomainError | undefined;
    for (const member of members) {
      try {
        tickets.push(await this.view(member));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // The soonest-opening reason is the one worth telling the school.
        if (!firstRefusal || (error.code === 'TICKET_NOT_YET' && firstRefusal.code !== 'TICKET_NOT_YET')) firstRefusal = error;
      }
    }
    if (!tickets.length) throw firstRefusal ?? new DomainError('TICKET_NOT_AVAILABLE');
    const { content } = await this.render(...tickets);
    return { filename: `准考证-${batch.name}（${tickets.length}人）.pdf`, content };
  }

  private async render(...tickets: TicketView[]): Promise<{ filename: string; content: Buffer }> {
    return { filename: `准考证-${tickets[0]!.ticketNo}.pdf`, content: await this.pdf.render(tickets) };
  }
}
