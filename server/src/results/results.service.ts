import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DomainError,
  ERROR_MESSAGES,
  gradeSubjects,
  parseResidentId,
  planLevel,
  readScoreCell,
  resultsNoticeData,
  resultsNoticeEmail,
  sessionEndsAt,
  shanghaiClock,
  shanghaiDate,
  formatChineseDate,
  sittingSubjects,
  type ScoreImportReport,
  type ScoreSheetIssue,
  type SessionResultsView,
  type SubjectKind,
} from '@skillcert/shared';
import ExcelJS from 'exceljs';
import { In, type EntityManager, type Repository } from 'typeorm';
import { type ApplicationEntity, ApplicationRecords, ApplicationStates } from '../applications';
import { marksOf } from './carried-marks';
import { type StaffActor, Access } from '../access';
import { cellText, loadWorkbook } from '../common/workbook';
import { Clock } from '../common/clock';
import { StaffService } from '../staff';
import { UnitOfWork } from '../database/unit-of-work';
import { PersonalDataCipher } from '../identity';
import { CandidateNotices, OutboxService, type NewMessage } from '../notifications';
import { type ExamSessionEntity, type SeatHoldEntity, SeatsService, SessionsService } from '../sessions';
import { CertificatesService } from '../certificates';
import { ExamResultEntity } from './exam-result.entity';
import { keepCancelled, writeMarks, type Marks } from './marks-writer';

const TICKET_HEADER = '准考证号';
const ID_HEADER = '身份证号';

interface Seat {
  hold: SeatHoldEntity;
  application: ApplicationEntity;
}

/**
 * Scores in, results out: marks entered per candidate or imported from a sheet
 * (all rows or none, every problem named by row and column), published for a
 * whole session by someone other than whoever entered them, and the candidates told.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly staff: StaffService,
    private readonly applications: ApplicationRecords,
    @InjectRepository(ExamResultEntity) private readonly examResults: Repository<ExamResultEntity>,
    private readonly seats: SeatsService,
    private readonly sessions: SessionsService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly states: ApplicationStates,
    private readonly cipher: PersonalDataCipher,
    private readonly outbox: OutboxService,
    private readonly notices: CandidateNotices,
    private readonly certificates: CertificatesService,
    private readonly access: Access,
  ) {}

  /** The sheet to fill: one row per seated candidate, a column per subject the session's levels have. */
  async template(actor: StaffActor, sessionId: string): Promise<Buffer> {
    const session = await this.ownSession(actor, sessionId);
    const seats = await this.seatedIn(session);
    const kinds = this.subjectsOf(session);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('成绩');
    sheet.addRow([TICKET_HEADER, '姓名', ...kinds.map((k) => k.name)]);
    for (const { hold, application } of seats) sheet.addRow([hold.ticketNo ?? '', application.applicantName]);
    sheet.getColumn(1).numFmt = '@';
    sheet.getColumn(1).width = 14;
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async importSheet(actor: StaffActor, sessionId: string, bytes: Buffer | undefined): Promise<ScoreImportReport> {
    const session = await this.ownSession(actor, sessionId);
    if (!bytes?.length) throw new DomainError('FILE_EMPTY');
    if (session.resultsPublishedAt) throw new DomainError('RESULTS_PUBLISHED');
    const workbook = await loadWorkbook(bytes, { what: '成绩表', unreadable: ERROR_MESSAGES.SCORE_SHEET_INVALID });
    if ('refused' in workbook) throw new DomainError('SCORE_SHEET_INVALID', workbook.refused);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new DomainError('SCORE_SHEET_INVALID');
    const kinds = this.subjectsOf(session);
    const columns = new Map<number, 'ticket' | 'id' | SubjectKind>();
    sheet.getRow(1).eachCell((cell, column) => {
      const header = cellText(cell.value).text.trim();
      if (header === TICKET_HEADER) columns.set(column, 'ticket');
      else if (header === ID_HEADER) columns.set(column, 'id');
      else {
        const subject = kinds.find((k) => k.name === header);
        if (subject) columns.set(column, subject.kind);
      }
    });
    const values = [...columns.values()];
    if (!values.includes('ticket') && !values.includes('id')) throw new DomainError('SCORE_SHEET_INVALID', '成绩表缺少“准考证号”或“身份证号”列');
    if (!kinds.some((k) => values.includes(k.kind))) throw new DomainError('SCORE_SHEET_INVALID', `成绩表缺少科目列：${kinds.map((k) => k.name).join('、')}`);

    const seats = await this.seatedIn(session);
    const byTicket = new Map(seats.flatMap((s) => (s.hold.ticketNo ? [[s.hold.ticketNo, s] as const] : [])));
    const byIdHash = new Map(seats.map((s) => [s.application.residentIdHash, s]));
    const issues: ScoreSheetIssue[] = [];
    const marksOf = new Map<string, Marks>();
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const cells = new Map([...columns].map(([column, key]) => [key, cellText(row.getCell(column).value).text.trim()]));
      if ([...cells.values()].every((v) => !v)) return;
      const ticket = cells.get('ticket');
      const id = cells.get('id');
      let seat: Seat | undefined;
      if (ticket) seat = byTicket.get(ticket);
      else if (id) seat = parseResidentId(id).ok ? byIdHash.get(this.cipher.residentIdHash(id.toUpperCase())) : undefined;
      if (!seat) {
        issues.push({
          row: number,
          column: ticket ? TICKET_HEADER : ID_HEADER,
          message: ticket || id ? `“${ticket || id}”不是本场次的考生` : '请填写准考证号',
        });
        return;
      }
      if (marksOf.has(seat.application.id)) {
        issues.push({ row: number, column: ticket ? TICKET_HEADER : ID_HEADER, message: `${seat.application.applicantName}在表中出现了两次` });
        return;
      }
      const marks: Marks = {};
      for (const subject of sittingSubjects(seat.application.planId, seat.application.level, seat.application.subjects)) {
        const read = readScoreCell(cells.get(subject.kind) ?? '');
        if (!read) issues.push({ row: number, column: subject.name, message: `请填写${seat.application.applicantName}的${subject.name}成绩` });
        else if ('error' in read) issues.push({ row: number, column: subject.name, message: read.error });
        else marks[subject.kind] = read.mark;
      }
      marksOf.set(seat.application.id, marks);
    });
    if (issues.length) return { imported: 0, issues };
    await this.uow.run((manager) => this.write(manager, session.id, marksOf, actor));
    return { imported: marksOf.size, issues: [] };
  }

  /** One candidate's marks typed in by hand (the same checks as a sheet's row). */
  async enter(actor: StaffActor, sessionId: string, applicationId: string, cells: Partial<Record<SubjectKind, string>>): Promise<SessionResultsView> {
    const session = await this.ownSession(actor, sessionId);
    if (session.resultsPublishedAt) throw new DomainError('RESULTS_PUBLISHED');
    const seat = (await this.seatedIn(session)).find((s) => s.application.id === applicationId);
    if (!seat) throw new DomainError('NOT_IN_SESSION');
    const marks: Marks = {};
    const issues: { path: string; message: string }[] = [];
    for (const subject of sittingSubjects(seat.application.planId, seat.application.level, seat.application.subjects)) {
      const read = readScoreCell(cells[subject.kind] ?? '');
      if (!read) issues.push({ path: subject.kind, message: `请填写${subject.name}成绩` });
      else if ('error' in read) issues.push({ path: subject.kind, message: read.error });
      else marks[subject.kind] = read.mark;
    }
    if (issues.length) throw new DomainError('VALIDATION_FAILED', issues[0]!.message, issues);
    await this.uow.run((manager) => this.write(manager, session.id, new Map([[applicationId, marks]]), actor));
    return this.view(actor, sessionId);
  }

  /** A session's marks as they stand, with each candidate graded and who entered them. */
  async view(actor: StaffActor, sessionId: string): Promise<SessionResultsView> {
    const session = await this.ownSession(actor, sessionId);
    const seats = await this.seatedIn(session);
    const ids = seats.flatMap((s) => [s.application.id, ...(s.application.makeupOf ? [s.application.makeupOf] : [])]);
    const results = ids.length ? await this.examResults.findBy({ applicationId: In(ids) }) : [];
    const resultOf = new Map(results.map((r) => [r.applicationId, r]));
    const staffIds = [...new Set([...results.map((r) => r.enteredBy), ...(session.resultsPublishedBy ? [session.resultsPublishedBy] : [])])];
    const names = await this.staff.displayNames(staffIds);
    const nameOf = (id: string) => names.get(id) ?? id;
    return {
      session: { id: session.id, date: session.date, site: session.site },
      ...(session.resultsPublishedAt && session.resultsPublishedBy
        ? { published: { at: session.resultsPublishedAt.toISOString(), by: nameOf(session.resultsPublishedBy) } }
        : {}),
      enteredBy: [...new Set(results.map((r) => nameOf(r.enteredBy)))],
      candidates: seats.map(({ hold, application }) => {
        const own = resultOf.get(application.id) ?? this.absentIfNeverCame(hold, application);
        const graded = gradeSubjects(
          application.planId,
          application.level,
          marksOf(application, own, application.makeupOf ? resultOf.get(application.makeupOf) : undefined),
        );
        return {
          applicationId: application.id,
          ticketNo: hold.ticketNo ?? '',
          name: application.applicantName,
          level: application.level,
          present: hold.checkedInAt !== null,
          subjects: graded.subjects,
          passed: graded.passed,
          complete: graded.subjects.every((s) => s.score !== undefined || s.note !== '无成绩'),
        };
      }),
    };
  }

  /**
   * The session's results go out: everyone seated is assessed (or recorded
   * absent), and told — by a second person, never the one who entered the marks.
   */
  async publish(actor: StaffActor, sessionId: string): Promise<SessionResultsView> {
    const session = await this.ownSession(actor, sessionId);
    if (session.resultsPublishedAt) throw new DomainError('RESULTS_PUBLISHED');
    // Before the last subject ends everyone seated would be recorded absent, for good.
    const ends = sessionEndsAt(session);
    if (this.clock.now() < ends)
      throw new DomainError('RESULTS_TOO_EARLY', `考核尚未结束，${formatChineseDate(shanghaiDate(ends))} ${shanghaiClock(ends)}起可发布成绩`);
    const view = await this.view(actor, sessionId);
    const results = await this.examResults.findBy({ sessionId });
    if (results.some((r) => r.enteredBy === actor.staffId)) throw new DomainError('PUBLISH_BY_OTHER');
    const incomplete = view.candidates.filter((c) => c.present && !c.complete);
    if (incomplete.length) throw new DomainError('RESULTS_INCOMPLETE', `还有${incomplete.length}名考生没有成绩：${incomplete.map((c) => c.name).join('、')}`);
    const now = this.clock.now();
    await this.uow.run(async (manager) => {
      if (!(await this.sessions.claimPublication(manager, session.id, actor.staffId, now))) throw new DomainError('RESULTS_PUBLISHED');
      const applications = await this.applications.find({ ids: view.candidates.map((c) => c.applicationId) }, { within: manager });
      const messages: NewMessage[] = [];
      const candidateOf = new Map(view.candidates.map((c) => [c.applicationId, c]));
      for (const application of applications) {
        const candidate = candidateOf.get(application.id)!;
        if (application.state === 'checked_in') {
          await this.states.transition(
            manager,
            application,
            'assessed',
            { kind: 'staff', id: actor.staffId },
            'admin',
            candidate.passed ? '成绩合格' : '成绩已发布',
          );
          // Every subject passed: the level is, and its certificate is issued now.
          if (candidate.passed) await this.certificates.issue(manager, application, { kind: 'staff', id: actor.staffId });
          messages.push(...(await this.resultMessages(manager, application, candidate.passed, candidate.subjects, shanghaiDate(now), session.id)));
        } else if (application.state === 'paid') {
          await this.states.transition(manager, application, 'absent', { kind: 'staff', id: actor.staffId }, 'system', '未到考');
        }
      }
      await this.outbox.enqueue(manager, messages);
    });
    return this.view(actor, sessionId);
  }

  private resultMessages(
    manager: EntityManager,
    application: ApplicationEntity,
    passed: boolean,
    subjects: SessionResultsView['candidates'][number]['subjects'],
    publishedOn: string,
    sessionId: string,
  ): Promise<NewMessage[]> {
    const lines = subjects.map((s) => `${s.name}：${s.score !== undefined ? `${s.score}分` : s.note}，${s.passed ? '合格' : '不合格'}`);
    return this.notices.messages(manager, application, {
      kind: 'results',
      dedupe: `results:${application.id}:${sessionId}`,
      wechat: { template: 'results', data: resultsNoticeData({ planId: application.planId, level: application.level, passed, publishedOn }) },
      email: resultsNoticeEmail({ name: application.applicantName, planId: application.planId, level: application.level, passed, lines }),
    });
  }

  /** Under a shared lock on the session: a publication waits for marks being written, and marks are never written after it. */
  private async write(manager: EntityManager, sessionId: string, marksOf: Map<string, Marks>, actor: StaffActor): Promise<void> {
    const session = await this.sessions.get(sessionId, { within: manager, lock: 'share' });
    if (session?.resultsPublishedAt) throw new DomainError('RESULTS_PUBLISHED');
    await writeMarks(manager, this.applications, sessionId, [...marksOf.keys()], (applicationId, existing) => ({
      marks: keepCancelled(marksOf.get(applicationId)!, existing),
      enteredBy: actor.staffId,
      enteredAt: this.clock.now(),
    }));
  }

  /** A seat whose candidate never came is absent in each subject of the sitting. */
  private absentIfNeverCame(hold: SeatHoldEntity, application: ApplicationEntity): ExamResultEntity | undefined {
    if (hold.checkedInAt) return undefined;
    const marks = Object.fromEntries(
      sittingSubjects(application.planId, application.level, application.subjects).map((s) => [s.kind, { absent: true }]),
    ) as Marks;
    return { applicationId: application.id, sessionId: hold.sessionId, marks, enteredBy: '', enteredAt: hold.createdAt };
  }

  private async seatedIn(session: ExamSessionEntity): Promise<Seat[]> {
    const holds = await this.seats.holds({ sessionIds: [session.id], status: 'confirmed' }, { order: 'ticket' });
    const applications = await this.applications.find({ ids: holds.map((h) => h.applicationId) });
    const byId = new Map(applications.map((a) => [a.id, a]));
    return holds.flatMap((hold) => {
      const application = byId.get(hold.applicationId);
      return application ? [{ hold, application }] : [];
    });
  }

  private subjectsOf(session: ExamSessionEntity): { kind: SubjectKind; name: string }[] {
    const all = session.levels.flatMap((level) => planLevel(session.planId, level).subjects);
    return all.filter((s, i) => all.findIndex((t) => t.kind === s.kind) === i).map((s) => ({ kind: s.kind, name: s.name }));
  }

  private ownSession(actor: StaffActor, sessionId: string): Promise<ExamSessionEntity> {
    return this.access.get(actor, 'session', sessionId);
  }
}
