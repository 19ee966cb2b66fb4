import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  addDays,
  DomainError,
  getPlan,
  levelDisplayName,
  shanghaiDate,
  ticketNotices,
  TICKETED_APPLICATION_STATES,
  ticketHorizon,
  ticketOpen,
  ticketSubjects,
  type TicketView,
} from '@skillcert/shared';
import { createHash } from 'node:crypto';
import { In, type EntityManager, type Repository } from 'typeorm';
import { type ApplicationEntity, ApplicationRecords } from '../applications';
import { type CandidateActor, type StaffActor, Access } from '../access';
import { Clock } from '../common/clock';
import { Sequences } from '../database/sequences';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { type ExamSessionEntity, type SeatHoldEntity, SeatsService, SessionsService } from '../sessions';
import { TicketPdfRenderer, type RenderPriority } from './ticket-pdf-renderer';
import { FilesService } from '../files';
import { TicketDocumentEntity } from './ticket-document.entity';

/** Bumped when the PDF's layout changes: every kept ticket is drawn again. */
const LAYOUT = 1;

/** What a kept PDF must have been drawn from to still fit: everything it shows, and the layout. */
function fingerprintOf(tickets: readonly TicketView[]): string {
  return createHash('sha256')
    .update(`${LAYOUT}|${JSON.stringify(tickets)}`)
    .digest('hex');
}

/**
 * A paid candidate's admission ticket: its number, the page in the app, and the PDF (Chinese embedded
 * as a font subset). PDFs are kept once drawn — most of them drawn ahead, the day before the tickets
 * open (printAhead) — and served as kept bytes while everything they show is unchanged; a ticket not
 * drawn yet (a seat paid a minute ago) is drawn at once, before anything drawn ahead.
 */
@Injectable()
export class TicketDocuments {
  private readonly logger = new Logger('Tickets');
  private readonly drawing = new Map<string, Promise<Buffer>>();

  constructor(
    @InjectRepository(TicketDocumentEntity) private readonly documents: Repository<TicketDocumentEntity>,
    private readonly files: FilesService,
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
    const { holdId, view } = await this.seatTicket(await this.access.get(actor, 'application', applicationId));
    return this.document(`seat:${holdId}`, [view]);
  }

  /** For the e-mail that carries it: the same checks, no owner (the outbox writes only to the owner's address). */
  async ticketPdf(applicationId: string): Promise<{ filename: string; content: Buffer }> {
    const { holdId, view } = await this.seatTicket(await this.applications.mustGet(applicationId));
    return this.document(`seat:${holdId}`, [view]);
  }

  private async view(application: ApplicationEntity): Promise<TicketView> {
    return (await this.seatTicket(application)).view;
  }

  private async seatTicket(application: ApplicationEntity): Promise<{ holdId: string; view: TicketView }> {
    const hold = await this.seats.holdOf(application.id, 'confirmed');
    // A ticket is for a paid seat; anything else has no ticket yet (or any more).
    if (!hold || !TICKETED_APPLICATION_STATES.includes(application.state)) throw new DomainError('TICKET_NOT_AVAILABLE');
    const session = await this.sessions.get(hold.sessionId);
    if (!session) throw new DomainError('TICKET_NOT_AVAILABLE');
    const open = ticketOpen(session.date, shanghaiDate(this.clock.now()));
    if (!open.open) throw new DomainError('TICKET_NOT_YET', open.message);
    const ticketNo = hold.ticketNo ?? (await this.uow.run((manager) => this.numberSeats(manager, session, [hold]))).get(hold.id)!;
    return { holdId: hold.id, view: ticketView(application, session, ticketNo) };
  }

  /**
   * The tickets of every seat whose session's tickets open by tomorrow (or are open), drawn ahead
   * and kept, so the minute they open every candidate is served kept bytes. Seats are numbered first.
   * Several instances may draw at once: each takes the seats in its own random order and looks again
   * before drawing one, so they share the work rather than repeat it. Returns how many it drew.
   */
  async printAhead(): Promise<number> {
    const today = shanghaiDate(this.clock.now());
    const tomorrow = addDays(today, 1);
    const sessions = (await this.sessions.find({ date: { from: today, to: ticketHorizon(tomorrow) } })).filter((s) => ticketOpen(s.date, tomorrow).open);
    let drawn = 0;
    for (const session of sessions) {
      const holds = await this.seats.holds({ sessionIds: [session.id], status: 'confirmed' });
      const unnumbered = holds.filter((h) => !h.ticketNo);
      if (unnumbered.length) {
        const numbers = await this.uow.run((manager) => this.numberSeats(manager, session, unnumbered));
        for (const hold of unnumbered) hold.ticketNo = numbers.get(hold.id) ?? null;
      }
      const applications = new Map((await this.applications.find({ ids: holds.map((h) => h.applicationId) })).map((a) => [a.id, a]));
      const due: { key: string; view: TicketView; fingerprint: string }[] = [];
      for (const hold of holds) {
        const application = applications.get(hold.applicationId);
        if (!application || !hold.ticketNo || !TICKETED_APPLICATION_STATES.includes(application.state)) continue;
        const view = ticketView(application, session, hold.ticketNo);
        due.push({ key: `seat:${hold.id}`, view, fingerprint: fingerprintOf([view]) });
      }
      const kept = await this.keptFingerprints(due.map((d) => d.key));
      const stale = shuffled(due.filter((d) => kept.get(d.key) !== d.fingerprint));
      // A few at a time: the pool is never handed a session's worth of work that a waiting candidate would queue behind.
      const lanes = Array.from({ length: Math.max(1, this.pdf.size()) * 2 }, async () => {
        for (let next = stale.pop(); next; next = stale.pop()) {
          if ((await this.keptFingerprints([next.key])).get(next.key) === next.fingerprint) continue;
          await this.draw(next.key, [next.view], next.fingerprint, 'ahead');
          drawn++;
        }
      });
      await Promise.all(lanes);
    }
    if (drawn) this.logger.log({ event: 'tickets-drawn-ahead', drawn });
    return drawn;
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
   * they open: every member with a paid seat whose ticket is open. Kept like a seat's.
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
    const { content } = await this.document(`batch:${batch.id}`, tickets);
    return { filename: `准考证-${batch.name}（${tickets.length}人）.pdf`, content };
  }

  /** The kept PDF when it still shows exactly these tickets; otherwise drawn now (front of the queue) and kept. */
  private async document(key: string, tickets: TicketView[]): Promise<{ filename: string; content: Buffer }> {
    const filename = `准考证-${tickets[0]!.ticketNo}.pdf`;
    const fingerprint = fingerprintOf(tickets);
    const kept = await this.documents.findOneBy({ documentKey: key });
    if (kept?.fingerprint === fingerprint) {
      const content = await this.files.kept(kept.fileKey).catch((error: unknown) => {
        // The store lost it (restored from an older backup): drawn again below.
        this.logger.warn({ event: 'kept-ticket-unreadable', key, error: error instanceof Error ? error.message : String(error) });
        return undefined;
      });
      if (content) return { filename, content };
    }
    // The same ticket asked for twice at once on this instance (a double tap, the e-mail and the app): drawn once.
    const inFlight = `${key}|${fingerprint}`;
    let drawing = this.drawing.get(inFlight);
    if (!drawing) {
      drawing = this.draw(key, tickets, fingerprint, 'now', kept).finally(() => this.drawing.delete(inFlight));
      this.drawing.set(inFlight, drawing);
    }
    return { filename, content: await drawing };
  }

  /**
   * Draws and keeps: the new bytes in the store first, then the row moved to them only if nobody
   * moved it meanwhile (another instance drawing the same ticket): the loser's bytes are discarded.
   */
  private async draw(key: string, tickets: TicketView[], fingerprint: string, priority: RenderPriority, known?: TicketDocumentEntity | null): Promise<Buffer> {
    const content = await this.pdf.render(tickets, priority);
    const fileKey = await this.files.keep(content);
    const previous = known === undefined ? await this.documents.findOneBy({ documentKey: key }) : known;
    const row = { documentKey: key, fingerprint, fileKey, renderedAt: this.clock.now() };
    let placed: boolean;
    if (previous) {
      placed = Boolean((await this.documents.update({ documentKey: key, fileKey: previous.fileKey }, row)).affected);
    } else {
      placed = await this.documents.insert(row).then(
        () => true,
        (error: unknown) => {
          if (isUniqueViolation(error)) return false;
          throw error;
        },
      );
    }
    if (placed && previous) await this.files.discard(previous.fileKey);
    if (!placed) await this.files.discard(fileKey);
    return content;
  }

  /** document key → the fingerprint of what is kept for it, for those kept. */
  private async keptFingerprints(keys: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.documents.find({ where: { documentKey: In(keys.slice(i, i + 500)) }, select: { documentKey: true, fingerprint: true } });
      for (const row of rows) found.set(row.documentKey, row.fingerprint);
    }
    return found;
  }
}

/** What a seat's ticket shows, from its application, its session and its number. */
function ticketView(application: ApplicationEntity, session: ExamSessionEntity, ticketNo: string): TicketView {
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

/** The same items in a random order (Fisher–Yates). */
function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
