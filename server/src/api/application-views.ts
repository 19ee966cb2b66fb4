import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  APPLICATION_STATE_NAMES,
  DomainError,
  formatVisitSlot,
  gradeSubjects,
  makeupOptions,
  materialsFor,
  resultsDueBy,
  resultsValidThrough,
  shanghaiDate,
  shotsMissing,
  visitSlotAt,
  ageOn,
  planIdsOfBody,
  type ReviewItem,
  type ApplicationView,
  type AuditEntryView,
  type AuditQuery,
  type CorrectionItem,
} from '@skillcert/shared';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { BatchEntity } from '../batches/batch.entity';
import { certificateView } from '../certificates';
import { CertificateEntity } from '../certificates/certificate.entity';
import { Clock } from '../common/clock';
import { inList, JoinedReads, paddedList } from '../database/joined-rows';
import { FileEntity } from '../files/file.entity';
import { FilesService } from '../files';
import { PaymentEntity } from '../payments/payment.entity';
import { ExamResultEntity } from '../results/exam-result.entity';
import { ExamSessionEntity } from '../sessions/exam-session.entity';
import { SeatHoldEntity } from '../sessions/seat-hold.entity';
import { InstitutionEntity } from '../staff/institution.entity';
import { StaffAccountEntity } from '../staff/staff-account.entity';
import { VisitBookingEntity } from '../visits/visit.entity';
import { ApplicationEventEntity } from '../applications/application-event.entity';
import { ApplicationCommitmentEntity, ApplicationMaterialEntity } from '../applications/application-material.entity';
import { ApplicationEntity } from '../applications/application.entity';
import { applicationFee, ApplicationsService, type WrittenApplication } from '../applications';
import { Access, type Actor, type CandidateActor, type StaffActor } from '../access';
import { marksOf } from '../results';

/** Which applications to show: these ids (in this order), or all of one candidate's, newest first. */
type ApplicationSelection = { ids: readonly string[] } | { userId: string };

/** What each joined table gives the view: only these columns are read (each costs its metadata and parsing per request). */
const HOLD = ['id', 'sessionId', 'heldUntil'] as const satisfies (keyof SeatHoldEntity)[];
const SESSION = ['id', 'date', 'site', 'resultsPublishedAt'] as const satisfies (keyof ExamSessionEntity)[];
const VISIT = ['applicationId', 'slotStart', 'code'] as const satisfies (keyof VisitBookingEntity)[];
const PAYMENT = ['id', 'channel', 'amountFen', 'paidAt', 'outTradeNo', 'refundState', 'refundedAt', 'orderId'] as const satisfies (keyof PaymentEntity)[];
const SCHOOL_ORDER = ['id', 'outTradeNo'] as const satisfies (keyof PaymentEntity)[];
const BATCH = ['id', 'name', 'institutionId'] as const satisfies (keyof BatchEntity)[];
const INSTITUTION = ['id', 'name'] as const satisfies (keyof InstitutionEntity)[];
const RESULT = ['applicationId', 'marks'] as const satisfies (keyof ExamResultEntity)[];
const FIRST_SITTING = ['id', 'date'] as const satisfies (keyof ExamSessionEntity)[];
const FILE = ['id', 'type', 'bytes'] as const satisfies (keyof FileEntity)[];
const SIGNED = ['applicationId', 'materialId', 'signedName', 'signedAt'] as const satisfies (keyof ApplicationCommitmentEntity)[];

/** The primary key is always among them: it tells a row found from a join that found nothing. */
type Picked<T, K extends readonly (keyof T)[]> = Pick<T, K[number]>;

/** An application as read, with everything its view is made of. */
interface ApplicationRecord {
  application: ApplicationEntity;
  hold?: Picked<SeatHoldEntity, typeof HOLD>;
  session?: Picked<ExamSessionEntity, typeof SESSION>;
  visit?: Picked<VisitBookingEntity, typeof VISIT>;
  payment?: Picked<PaymentEntity, typeof PAYMENT>;
  /** A member's share of the school's order: the receipt quotes the order the school paid. */
  schoolOrder?: Picked<PaymentEntity, typeof SCHOOL_ORDER>;
  batch?: Picked<BatchEntity, typeof BATCH>;
  institution?: Picked<InstitutionEntity, typeof INSTITUTION>;
  result?: Picked<ExamResultEntity, typeof RESULT>;
  certificate?: CertificateEntity;
  /** A make-up: the first sitting's marks and date (its passed subjects stay valid from then). */
  original?: { result?: Picked<ExamResultEntity, typeof RESULT>; satOn?: string };
  madeUp: boolean;
  awaitingWechat: boolean;
  events: ApplicationEventEntity[];
  files: { material: ApplicationMaterialEntity; file: Picked<FileEntity, typeof FILE> }[];
  commitments: Picked<ApplicationCommitmentEntity, typeof SIGNED>[];
}

/**
 * The one read model of applications, for the candidate, the reviewer, the
 * school and every answer after a change: two statements however many
 * applications — one row per application joining everything that is one-to-one
 * with it, and one UNION of its lists (timeline, files, signatures). It sits
 * above every feature whose tables it reads; the services below answer ids, and
 * the routes answer with these views.
 */
@Injectable()
export class ApplicationViews implements OnModuleInit {
  private readonly headSql: string;

  constructor(
    private readonly reads: JoinedReads,
    private readonly clock: Clock,
    private readonly files: FilesService,
    private readonly access: Access,
    private readonly applications: ApplicationsService,
  ) {
    const table = (entity: EntityTarget<ObjectLiteral>) => reads.table(entity);
    this.headSql = `SELECT ${[
      reads.columns(ApplicationEntity, 'a'),
      reads.columns(SeatHoldEntity, 'h', { only: HOLD }),
      reads.columns(ExamSessionEntity, 's', { only: SESSION }),
      reads.columns(VisitBookingEntity, 'v', { only: VISIT }),
      reads.columns(PaymentEntity, 'p', { only: PAYMENT }),
      reads.columns(PaymentEntity, 'o', { only: SCHOOL_ORDER }),
      reads.columns(BatchEntity, 'b', { only: BATCH }),
      reads.columns(InstitutionEntity, 'i', { only: INSTITUTION }),
      reads.columns(ExamResultEntity, 'r', { only: RESULT }),
      reads.columns(CertificateEntity, 'c'),
      reads.columns(ExamResultEntity, 'orr', { only: RESULT }),
      reads.columns(ExamSessionEntity, 'os', { only: FIRST_SITTING }),
      `CASE WHEN EXISTS (SELECT 1 FROM ${table(ApplicationEntity)} mk WHERE mk.makeup_of = a.id) THEN 1 ELSE 0 END AS made_up`,
      `CASE WHEN EXISTS (SELECT 1 FROM ${table(PaymentEntity)} pp WHERE pp.application_id = a.id AND pp.state = 'pending' AND pp.paying_at IS NOT NULL) THEN 1 ELSE 0 END AS paying`,
    ].join(',\n')}
      FROM ${table(ApplicationEntity)} a
      LEFT JOIN ${table(SeatHoldEntity)} h ON h.application_id = a.id AND h.status IN ('held', 'confirmed')
      LEFT JOIN ${table(ExamSessionEntity)} s ON s.id = h.session_id
      LEFT JOIN ${table(VisitBookingEntity)} v ON v.application_id = a.id
      LEFT JOIN ${table(PaymentEntity)} p ON p.id = (
        SELECT p2.id FROM ${table(PaymentEntity)} p2 WHERE p2.application_id = a.id AND p2.state = 'paid'
          ORDER BY CASE WHEN p2.refund_state IS NULL THEN 0 ELSE 1 END, p2.paid_at ASC, p2.id ASC LIMIT 1)
      LEFT JOIN ${table(PaymentEntity)} o ON o.id = p.order_id
      LEFT JOIN ${table(BatchEntity)} b ON b.id = a.batch_id
      LEFT JOIN ${table(InstitutionEntity)} i ON i.id = b.institution_id
      LEFT JOIN ${table(ExamResultEntity)} r ON r.application_id = a.id
      LEFT JOIN ${table(CertificateEntity)} c ON c.application_id = a.id
      LEFT JOIN ${table(ExamResultEntity)} orr ON orr.application_id = a.makeup_of
      LEFT JOIN ${table(SeatHoldEntity)} oh ON oh.application_id = a.makeup_of AND oh.status = 'confirmed'
      LEFT JOIN ${table(ExamSessionEntity)} os ON os.id = oh.session_id`;
  }

  /** The rules that look back at earlier sittings (a make-up, what a new application forfeits) grade them as the candidate sees them. */
  onModuleInit(): void {
    this.applications.gradeSittingsWith((ids) => this.viewsOf(ids));
  }

  /**
   * The audit trail of a body's applications, newest first: who (by name), when, from which state to
   * which, and why — the events joined with their application and the staff account that acted.
   */
  async auditTrail(actor: StaffActor, query: AuditQuery): Promise<AuditEntryView[]> {
    const planIds = planIdsOfBody(actor.bodyId);
    if (query.applicationId) await this.access.require(actor, 'application', [query.applicationId]);
    if (!planIds.length) return [];
    const r = this.reads;
    const rows = await r.query(
      `SELECT ${r.columns(ApplicationEventEntity, 'e')}, a.applicant_name AS applicant, s.display_name AS staff_name, s.username AS staff_username
         FROM ${r.table(ApplicationEventEntity)} e
         JOIN ${r.table(ApplicationEntity)} a ON a.id = e.application_id
         LEFT JOIN ${r.table(StaffAccountEntity)} s ON s.id = e.actor_id AND e.actor_kind IN ('staff', 'institution')
        WHERE a.plan_id IN ${inList(planIds)}${query.applicationId ? ' AND e.application_id = ?' : ''}
        ORDER BY e.at DESC, e.id DESC LIMIT ${Number(query.limit)}`,
      [...planIds, ...(query.applicationId ? [query.applicationId] : [])],
    );
    return rows.map((row) => {
      const event = r.hydrate(ApplicationEventEntity, 'e', row)!;
      const by = row.staff_name
        ? `${String(row.staff_name)}（${String(row.staff_username)}）`
        : event.actorKind === 'system'
          ? '系统'
          : event.actorKind === 'candidate'
            ? `${String(row.applicant)}（考生）`
            : event.actorKind;
      return {
        at: event.at.toISOString(),
        applicationId: event.applicationId,
        applicant: String(row.applicant),
        from: event.fromState,
        to: event.toState,
        by,
        ...(event.note ? { note: event.note } : {}),
        ...(event.corrections ? { corrections: event.corrections } : {}),
      };
    });
  }

  async viewOf(id: string): Promise<ApplicationView> {
    const [view] = await this.viewsOf([id]);
    if (!view) throw new DomainError('NOT_FOUND');
    return view;
  }

  /** Views in the order asked; ids that do not exist are left out. */
  async viewsOf(ids: readonly string[]): Promise<ApplicationView[]> {
    return (await this.records({ ids })).map((record) => this.view(record));
  }

  /** A candidate's applications, newest first: the list and its views in the same two statements. */
  async viewsOfCandidate(userId: string): Promise<ApplicationView[]> {
    return (await this.records({ userId })).map((record) => this.view(record));
  }

  /** A candidate's own application; another person's looks exactly like a missing one. */
  async ownView(actor: CandidateActor, id: string): Promise<ApplicationView> {
    const [record] = await this.records({ ids: [id] });
    if (!record || record.application.userId !== actor.userId) throw new DomainError('NOT_FOUND');
    return this.view(record);
  }

  /**
   * The answer to creating an application, from what was just written — nothing
   * read back. Only for a new application: it has no seat, payment or result yet.
   */
  viewOfNew(written: WrittenApplication): ApplicationView {
    return this.view({ madeUp: false, awaitingWechat: false, ...written });
  }

  /** One application as the reviewer sees it, when it is the staff member's body's. */
  async reviewItemFor(actor: Actor, id: string): Promise<ReviewItem> {
    await this.access.require(actor, 'application', [id]);
    return this.reviewItem(id);
  }

  async reviewItem(id: string): Promise<ReviewItem> {
    const [item] = await this.reviewItems([id]);
    if (!item) throw new DomainError('NOT_FOUND');
    return item;
  }

  /** The applications with who they are, the candidate's age counted today. */
  async reviewItems(ids: readonly string[]): Promise<ReviewItem[]> {
    const today = shanghaiDate(this.clock.now());
    return (await this.records({ ids })).map((record) => ({
      ...this.view(record),
      candidate: {
        name: record.application.applicantName,
        residentIdMasked: record.application.residentIdMasked,
        age: ageOn(record.application.birthDate, today),
      },
    }));
  }

  private async records(selection: ApplicationSelection): Promise<ApplicationRecord[]> {
    if ('ids' in selection && selection.ids.length === 0) return [];
    const ids = 'ids' in selection ? paddedList(selection.ids) : [];
    const rows: Record<string, unknown>[] =
      'ids' in selection
        ? await this.reads.rows(`${this.headSql} WHERE a.id IN ${inList(ids)}`, ids)
        : await this.reads.rows(`${this.headSql} WHERE a.user_id = ? ORDER BY a.created_at DESC, a.id DESC`, [selection.userId]);
    const records = new Map<string, ApplicationRecord>();
    for (const raw of rows) {
      const application = this.reads.hydrate(ApplicationEntity, 'a', raw);
      if (!application) continue;
      const firstSitting = this.reads.hydrate(ExamSessionEntity, 'os', raw, FIRST_SITTING);
      records.set(application.id, {
        application,
        hold: this.reads.hydrate(SeatHoldEntity, 'h', raw, HOLD),
        session: this.reads.hydrate(ExamSessionEntity, 's', raw, SESSION),
        visit: this.reads.hydrate(VisitBookingEntity, 'v', raw, VISIT),
        payment: this.reads.hydrate(PaymentEntity, 'p', raw, PAYMENT),
        schoolOrder: this.reads.hydrate(PaymentEntity, 'o', raw, SCHOOL_ORDER),
        batch: this.reads.hydrate(BatchEntity, 'b', raw, BATCH),
        institution: this.reads.hydrate(InstitutionEntity, 'i', raw, INSTITUTION),
        result: this.reads.hydrate(ExamResultEntity, 'r', raw, RESULT),
        certificate: this.reads.hydrate(CertificateEntity, 'c', raw),
        ...(application.makeupOf
          ? { original: { result: this.reads.hydrate(ExamResultEntity, 'orr', raw, RESULT), ...(firstSitting ? { satOn: firstSitting.date } : {}) } }
          : {}),
        madeUp: Number(raw.made_up) === 1,
        awaitingWechat: Number(raw.paying) === 1,
        events: [],
        files: [],
        commitments: [],
      });
    }
    await this.addLists(records);
    const ordered = 'ids' in selection ? selection.ids.flatMap((id) => records.get(id) ?? []) : [...records.values()];
    return ordered;
  }

  /** The timeline, the files and the signatures of every application at once: one UNION, each branch padded to the same columns. */
  private async addLists(records: Map<string, ApplicationRecord>): Promise<void> {
    const ids = paddedList([...records.keys()]);
    if (ids.length === 0) return;
    const table = (entity: EntityTarget<ObjectLiteral>) => this.reads.table(entity);
    const columns = (kind: string) =>
      [
        this.reads.columns(ApplicationEventEntity, 'e', { present: kind === 'event' }),
        this.reads.columns(ApplicationMaterialEntity, 'm', { present: kind === 'file' }),
        this.reads.columns(FileEntity, 'f', { present: kind === 'file', only: FILE }),
        this.reads.columns(ApplicationCommitmentEntity, 'k', { present: kind === 'signed', only: SIGNED }),
      ].join(', ');
    const branch = (kind: string, from: string, owner: string) =>
      `SELECT '${kind}' AS kind, ${owner} AS owner, ${columns(kind)} FROM ${from} WHERE ${owner} IN ${inList(ids)}`;
    const sql = [
      branch('event', `${table(ApplicationEventEntity)} e`, 'e.application_id'),
      branch('file', `${table(ApplicationMaterialEntity)} m JOIN ${table(FileEntity)} f ON f.id = m.file_id`, 'm.application_id'),
      branch('signed', `${table(ApplicationCommitmentEntity)} k`, 'k.application_id'),
    ].join('\nUNION ALL\n');
    const rows = await this.reads.rows(sql, [...ids, ...ids, ...ids]);
    for (const raw of rows) {
      const record = records.get(String(raw.owner));
      if (!record) continue;
      if (raw.kind === 'event') {
        const event = this.reads.hydrate(ApplicationEventEntity, 'e', raw);
        if (event) record.events.push(event);
      } else if (raw.kind === 'file') {
        const material = this.reads.hydrate(ApplicationMaterialEntity, 'm', raw);
        const file = this.reads.hydrate(FileEntity, 'f', raw, FILE);
        if (material && file) record.files.push({ material, file });
      } else {
        const signed = this.reads.hydrate(ApplicationCommitmentEntity, 'k', raw, SIGNED);
        if (signed) record.commitments.push(signed);
      }
    }
    for (const record of records.values()) {
      record.events.sort((x, y) => x.at.getTime() - y.at.getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      record.files.sort((x, y) => x.material.position - y.material.position);
    }
  }

  private view(record: ApplicationRecord): ApplicationView {
    const { application, hold, session, visit, payment, schoolOrder, batch, institution } = record;
    const { uploads, commitments } = materialsFor(application.planId, application.level);
    const timeline = record.events;
    const lastReturn = application.state === 'returned' ? [...timeline].reverse().find((e) => e.toState === 'returned') : undefined;
    const corrections: CorrectionItem[] = lastReturn
      ? [...(lastReturn.note ? [{ item: 'general', label: '审核意见', note: lastReturn.note }] : []), ...(lastReturn.corrections ?? [])]
      : [];
    return {
      id: application.id,
      planId: application.planId,
      level: application.level,
      channel: application.channel,
      state: application.state,
      stateLabel: APPLICATION_STATE_NAMES[application.state],
      appliedOn: application.appliedOn,
      ...(application.assessBy ? { assessBy: application.assessBy } : {}),
      eligibility: application.verdict,
      facts: application.facts,
      materials: uploads.map((m) => {
        const files = record.files.filter((a) => a.material.materialId === m.id).map((a) => this.files.view(a.file));
        const sidesMissing = shotsMissing(m, files);
        return { materialId: m.id, name: m.name, files, ...(sidesMissing.length ? { sidesMissing } : {}) };
      }),
      commitments: commitments.flatMap((m) => {
        const row = record.commitments.find((x) => x.materialId === m.id);
        return row ? [{ materialId: m.id, name: m.name, signedName: row.signedName, signedAt: row.signedAt.toISOString() }] : [];
      }),
      corrections,
      feeFen: applicationFee(application),
      ...(hold && session ? { seat: { sessionId: session.id, date: session.date, site: session.site, heldUntil: hold.heldUntil?.toISOString() ?? null } } : {}),
      ...(visit
        ? {
            visit: (({ startsAt, date, ...slot }) => ({ startsAt, date, label: formatVisitSlot({ date, ...slot }), code: visit.code }))(
              visitSlotAt(application.planId, new Date(visit.slotStart)),
            ),
          }
        : {}),
      ...(payment?.paidAt
        ? {
            payment: {
              channel: payment.channel,
              amountFen: payment.amountFen,
              paidAt: payment.paidAt.toISOString(),
              reference: schoolOrder?.outTradeNo ?? payment.outTradeNo,
              ...(schoolOrder && batch ? { paidByInstitution: institution?.name ?? '' } : {}),
              ...(payment.refundState
                ? {
                    // Owed by finance or asked of WeChat, it is on its way back to the candidate either way.
                    refund: {
                      state: payment.refundState === 'refunded' ? 'refunded' : 'pending',
                      ...(payment.refundedAt ? { at: payment.refundedAt.toISOString() } : {}),
                    },
                  }
                : {}),
            },
          }
        : {}),
      ...(record.awaitingWechat && application.state === 'approved' ? { paying: true } : {}),
      ...(application.transferPayer && application.transferNotedAt
        ? { transferNotice: { payer: application.transferPayer, at: application.transferNotedAt.toISOString() } }
        : {}),
      ...this.resultPart(record),
      ...(application.makeupOf && application.subjects ? { makeupOf: application.makeupOf, subjects: application.subjects } : {}),
      ...(record.certificate ? { certificate: certificateView(record.certificate) } : {}),
      ...(batch ? { batch: { id: batch.id, name: batch.name, institution: institution?.name ?? '' } } : {}),
      timeline: timeline.map((e) => ({
        from: e.fromState,
        to: e.toState,
        label: APPLICATION_STATE_NAMES[e.toState],
        at: e.at.toISOString(),
        by: e.actorKind,
        ...(e.note ? { note: e.note } : {}),
      })),
    };
  }

  /** Published: the graded subjects. Sat and waiting: the day results are due. */
  private resultPart({ application, hold, session, result, original, madeUp }: ApplicationRecord): Pick<ApplicationView, 'result' | 'resultsDueBy' | 'makeup'> {
    if (!hold || !session) return {};
    if (session.resultsPublishedAt && (application.state === 'assessed' || application.state === 'certified')) {
      const graded = gradeSubjects(application.planId, application.level, marksOf(application, result, original?.result));
      // A failed first sitting may be made up (once a make-up is under way, that application carries on).
      const makeup =
        !graded.passed && !application.makeupOf && !madeUp
          ? makeupOptions(
              {
                planId: application.planId,
                level: application.level,
                assessedOn: session.date,
                subjects: graded.subjects.map((s) => ({ kind: s.kind, passed: s.passed })),
              },
              shanghaiDate(this.clock.now()),
            )
          : undefined;
      return {
        result: {
          ...graded,
          publishedAt: session.resultsPublishedAt.toISOString(),
          validThrough: resultsValidThrough(application.planId, original?.satOn ?? session.date),
        },
        ...(makeup ? { makeup } : {}),
      };
    }
    return application.state === 'checked_in' ? { resultsDueBy: resultsDueBy(session.date) } : {};
  }
}
