import { Injectable } from '@nestjs/common';
import {
  DomainError,
  formatChineseDate,
  levelDisplayName,
  planIdsOfBody,
  shanghaiDate,
  shanghaiClock,
  type AttendanceView,
  type CandidateAtDoor,
  type ExamDaySessionView,
  type NextExamDayView,
  type IsoDate,
} from '@skillcert/shared';
import { type ApplicationEntity, ApplicationRecords, ApplicationStates } from '../applications';
import { type StaffActor, Access } from '../access';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { FilesService } from '../files';
import { TicketDocuments } from '../tickets';
import { type ExamSessionEntity, type SeatHoldEntity, SeatsService, SessionsService } from '../sessions';

/**
 * The door of the exam room: the proctor finds the candidate by their ticket
 * (scanned, or typed on a computer), compares face and ID, and lets them in —
 * once, for this session, on its day — while the room's count keeps up.
 */
@Injectable()
export class ExamDayService {
  constructor(
    private readonly applications: ApplicationRecords,
    private readonly sessions: SessionsService,
    private readonly seats: SeatsService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly states: ApplicationStates,
    private readonly files: FilesService,
    private readonly tickets: TicketDocuments,
    private readonly access: Access,
  ) {}

  /** The body's sessions on a day (today unless asked), with how many have come. */
  async nextAfterToday(actor: StaffActor): Promise<NextExamDayView> {
    const planIds = planIdsOfBody(actor.bodyId);
    if (!planIds.length) return {};
    const [next] = await this.sessions.find({ date: { after: shanghaiDate(this.clock.now()) }, planIds }, { take: 1 });
    return next ? { next: { date: next.date, site: next.site } } : {};
  }

  async sessionsOn(actor: StaffActor, date?: IsoDate): Promise<ExamDaySessionView[]> {
    const day = date ?? shanghaiDate(this.clock.now());
    const sessions = await this.sessions.find({ date: day, planIds: planIdsOfBody(actor.bodyId) });
    const holds = await this.seats.holds({ sessionIds: sessions.map((s) => s.id), status: 'confirmed' }, { select: ['sessionId', 'checkedInAt'] });
    return sessions.map((s) => {
      const mine = holds.filter((h) => h.sessionId === s.id);
      return { id: s.id, date: s.date, site: s.site, levels: s.levels, seats: mine.length, present: mine.filter((h) => h.checkedInAt).length };
    });
  }

  /** Who holds this ticket, for the identity check — refused if it is not for this session. */
  async lookup(actor: StaffActor, sessionId: string, ticketNo: string): Promise<CandidateAtDoor> {
    const { hold, application } = await this.find(actor, sessionId, ticketNo);
    const photo = await this.idPhoto(application.id);
    return { ...this.atDoor(hold, application), ...(photo ? { photoUrl: photo } : {}) };
  }

  async checkIn(actor: StaffActor, sessionId: string, ticketNo: string): Promise<AttendanceView> {
    const { session, hold, application } = await this.find(actor, sessionId, ticketNo);
    const now = this.clock.now();
    if (session.date !== shanghaiDate(now)) throw new DomainError('SESSION_NOT_TODAY', `该场次在${formatChineseDate(session.date)}，今天不能签到`);
    if (hold.checkedInAt) throw new DomainError('ALREADY_CHECKED_IN', `${application.applicantName}已于${shanghaiClock(hold.checkedInAt)}签到`);
    await this.uow.run(async (manager) => {
      // The application before its seat, as every writer of both takes them.
      const current = await this.applications.mustGet(application.id, { within: manager, lock: true });
      // Two proctors at two doors with the same ticket: one update lands, the other is told when.
      if (!(await this.seats.claimCheckIn(manager, hold.id, actor.staffId, now))) {
        const [first] = await this.seats.holds({ ids: [hold.id] }, { within: manager });
        throw new DomainError('ALREADY_CHECKED_IN', `${application.applicantName}已于${shanghaiClock(first?.checkedInAt ?? now)}签到`);
      }
      await this.states.transition(manager, current, 'checked_in', { kind: 'staff', id: actor.staffId }, 'proctor', `${session.site} 入场签到`);
    });
    return this.attendance(actor, sessionId);
  }

  async attendance(actor: StaffActor, sessionId: string): Promise<AttendanceView> {
    const session = await this.ownSession(actor, sessionId);
    const holds = await this.seats.holds({ sessionIds: [sessionId], status: 'confirmed' }, { order: 'ticket' });
    if (holds.some((h) => !h.ticketNo)) {
      const numbers = await this.uow.run((manager) => this.tickets.numberSeats(manager, session, holds));
      for (const h of holds) h.ticketNo = numbers.get(h.id) ?? h.ticketNo;
    }
    const applications = await this.applications.find({ ids: holds.map((h) => h.applicationId) });
    const byId = new Map(applications.map((a) => [a.id, a]));
    const candidates = holds.flatMap((h) => {
      const application = byId.get(h.applicationId);
      return application ? [{ ...this.atDoor(h, application), present: h.checkedInAt !== null }] : [];
    });
    const present = candidates.filter((c) => c.present).length;
    return {
      session: { id: session.id, date: session.date, site: session.site, levels: session.levels },
      seats: candidates.length,
      present,
      absent: candidates.length - present,
      candidates,
    };
  }

  private async find(actor: StaffActor, sessionId: string, ticketNo: string) {
    const session = await this.ownSession(actor, sessionId);
    const [hold] = await this.seats.holds({ ticketNo, status: 'confirmed' });
    const application = hold ? await this.access.find(actor, 'application', hold.applicationId) : null;
    // Another body's ticket is as unknown here as a mistyped one.
    if (!hold || !application) throw new DomainError('TICKET_UNKNOWN');
    if (hold.sessionId !== sessionId) {
      const theirs = await this.sessions.get(hold.sessionId);
      throw new DomainError('TICKET_WRONG_SESSION', `该准考证属于${theirs ? `${formatChineseDate(theirs.date)}·${theirs.site}的` : '另一'}场次，不是本场次`);
    }
    return { session, hold, application };
  }

  private atDoor(hold: SeatHoldEntity, application: ApplicationEntity): CandidateAtDoor {
    return {
      ticketNo: hold.ticketNo ?? '',
      applicationId: application.id,
      name: application.applicantName,
      residentIdMasked: application.residentIdMasked,
      level: application.level,
      levelName: levelDisplayName(application.planId, application.level),
      ...(hold.checkedInAt ? { checkedInAt: hold.checkedInAt.toISOString() } : {}),
    };
  }

  /** The ID card photo attached to the application, when it is a picture. */
  private async idPhoto(applicationId: string): Promise<string | undefined> {
    const attached = await this.applications.materials([applicationId], { materialId: 'id-card' });
    if (!attached.length) return undefined;
    const files = await this.files.byIds(attached.map((a) => a.fileId));
    const picture = attached.map((a) => files.find((f) => f.id === a.fileId)).find((f) => f && f.type !== 'application/pdf');
    return picture ? this.files.view(picture).url : undefined;
  }

  private ownSession(actor: StaffActor, sessionId: string): Promise<ExamSessionEntity> {
    return this.access.get(actor, 'session', sessionId);
  }
}
