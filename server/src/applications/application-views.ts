import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
  visitSlotAt,
  withCarriedMarks,
  type ApplicationView,
  type CorrectionItem,
} from '@skillcert/shared';
import { DataSource } from 'typeorm';
import { BatchEntity } from '../batches/batch.entity';
import { certificateView } from '../certificates/certificate-view';
import { CertificateEntity } from '../certificates/certificate.entity';
import { Clock } from '../common/clock';
import { hydrate, inList, selectColumns } from '../database/joined-rows';
import { FileEntity } from '../files/file.entity';
import { FilesService } from '../files/files.service';
import { PaymentEntity } from '../payments/payment.entity';
import { ExamResultEntity } from '../results/exam-result.entity';
import { ExamSessionEntity } from '../sessions/exam-session.entity';
import { SeatHoldEntity } from '../sessions/seat-hold.entity';
import { InstitutionEntity } from '../staff/institution.entity';
import { VisitBookingEntity } from '../visits/visit.entity';
import { ApplicationEventEntity } from './application-event.entity';
import { ApplicationCommitmentEntity, ApplicationMaterialEntity } from './application-material.entity';
import { ApplicationEntity, applicationFee } from './application.entity';

/** Which applications to show: these ids (in this order), or all of one candidate's, newest first. */
type ApplicationSelection = { ids: readonly string[] } | { userId: string };

/** An application as read, with everything its view is made of. */
interface ApplicationRecord {
  application: ApplicationEntity;
  hold?: SeatHoldEntity;
  session?: ExamSessionEntity;
  visit?: VisitBookingEntity;
  payment?: PaymentEntity;
  /** A member's share of the school's order: the receipt quotes the order the school paid. */
  schoolOrder?: PaymentEntity;
  batch?: BatchEntity;
  institution?: InstitutionEntity;
  result?: ExamResultEntity;
  certificate?: CertificateEntity;
  /** A make-up: the first sitting's marks and date (its passed subjects stay valid from then). */
  original?: { result?: ExamResultEntity; satOn?: string };
  madeUp: boolean;
  awaitingWechat: boolean;
  events: ApplicationEventEntity[];
  files: { material: ApplicationMaterialEntity; file: FileEntity }[];
  commitments: ApplicationCommitmentEntity[];
}

/**
 * The one read model of applications, for the candidate, the reviewer, the
 * school and every answer after a change: two statements however many
 * applications — one row per application joining everything that is one-to-one
 * with it, and one UNION of its lists (timeline, files, signatures).
 */
@Injectable()
export class ApplicationViews {
  private readonly headSql: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly files: FilesService,
  ) {
    const table = (entity: Parameters<DataSource['getMetadata']>[0]) => db.getMetadata(entity).tableName;
    const columns = (entity: Parameters<DataSource['getMetadata']>[0], alias: string) => selectColumns(db, entity, alias);
    this.headSql = `SELECT ${[
      columns(ApplicationEntity, 'a'),
      columns(SeatHoldEntity, 'h'),
      columns(ExamSessionEntity, 's'),
      columns(VisitBookingEntity, 'v'),
      columns(PaymentEntity, 'p'),
      columns(PaymentEntity, 'o'),
      columns(BatchEntity, 'b'),
      columns(InstitutionEntity, 'i'),
      columns(ExamResultEntity, 'r'),
      columns(CertificateEntity, 'c'),
      columns(ExamResultEntity, 'orr'),
      columns(ExamSessionEntity, 'os'),
      `CASE WHEN EXISTS (SELECT 1 FROM ${table(ApplicationEntity)} mk WHERE mk.makeup_of = a.id) THEN 1 ELSE 0 END AS made_up`,
      `CASE WHEN EXISTS (SELECT 1 FROM ${table(PaymentEntity)} pp WHERE pp.application_id = a.id AND pp.state = 'pending' AND pp.paying_at IS NOT NULL) THEN 1 ELSE 0 END AS paying`,
    ].join(',\n')}
      FROM ${table(ApplicationEntity)} a
      LEFT JOIN ${table(SeatHoldEntity)} h ON h.application_id = a.id AND h.status IN ('held', 'confirmed')
      LEFT JOIN ${table(ExamSessionEntity)} s ON s.id = h.session_id
      LEFT JOIN ${table(VisitBookingEntity)} v ON v.application_id = a.id
      LEFT JOIN ${table(PaymentEntity)} p ON p.id = (
        SELECT p2.id FROM ${table(PaymentEntity)} p2 WHERE p2.application_id = a.id AND p2.state = 'paid' ORDER BY p2.paid_at DESC LIMIT 1)
      LEFT JOIN ${table(PaymentEntity)} o ON o.id = p.order_id
      LEFT JOIN ${table(BatchEntity)} b ON b.id = a.batch_id
      LEFT JOIN ${table(InstitutionEntity)} i ON i.id = b.institution_id
      LEFT JOIN ${table(ExamResultEntity)} r ON r.application_id = a.id
      LEFT JOIN ${table(CertificateEntity)} c ON c.application_id = a.id
      LEFT JOIN ${table(ExamResultEntity)} orr ON orr.application_id = a.makeup_of
      LEFT JOIN ${table(SeatHoldEntity)} oh ON oh.application_id = a.makeup_of AND oh.status = 'confirmed'
      LEFT JOIN ${table(ExamSessionEntity)} os ON os.id = oh.session_id`;
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

  /**
   * The answer to creating an application, from what was just written — nothing
   * read back. Only for a new application: it has no seat, payment or result yet.
   */
  viewOfNew(application: ApplicationEntity, written: Pick<ApplicationRecord, 'events' | 'files' | 'commitments'>): ApplicationView {
    return this.view({ application, madeUp: false, awaitingWechat: false, ...written });
  }

  /** The applications themselves beside their views: for answers that add who the applicant is (the reviewer's). */
  async withApplications(ids: readonly string[]): Promise<{ application: ApplicationEntity; view: ApplicationView }[]> {
    return (await this.records({ ids })).map((record) => ({ application: record.application, view: this.view(record) }));
  }

  private async records(selection: ApplicationSelection): Promise<ApplicationRecord[]> {
    if ('ids' in selection && selection.ids.length === 0) return [];
    const rows: Record<string, unknown>[] =
      'ids' in selection
        ? await this.db.query(`${this.headSql} WHERE a.id IN ${inList(selection.ids)}`, [...selection.ids])
        : await this.db.query(`${this.headSql} WHERE a.user_id = ? ORDER BY a.created_at DESC, a.id DESC`, [selection.userId]);
    const records = new Map<string, ApplicationRecord>();
    for (const raw of rows) {
      const application = hydrate(this.db, ApplicationEntity, 'a', raw);
      if (!application) continue;
      const firstSitting = hydrate(this.db, ExamSessionEntity, 'os', raw);
      records.set(application.id, {
        application,
        hold: hydrate(this.db, SeatHoldEntity, 'h', raw),
        session: hydrate(this.db, ExamSessionEntity, 's', raw),
        visit: hydrate(this.db, VisitBookingEntity, 'v', raw),
        payment: hydrate(this.db, PaymentEntity, 'p', raw),
        schoolOrder: hydrate(this.db, PaymentEntity, 'o', raw),
        batch: hydrate(this.db, BatchEntity, 'b', raw),
        institution: hydrate(this.db, InstitutionEntity, 'i', raw),
        result: hydrate(this.db, ExamResultEntity, 'r', raw),
        certificate: hydrate(this.db, CertificateEntity, 'c', raw),
        ...(application.makeupOf
          ? { original: { result: hydrate(this.db, ExamResultEntity, 'orr', raw), ...(firstSitting ? { satOn: firstSitting.date } : {}) } }
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
    const ids = [...records.keys()];
    if (ids.length === 0) return;
    const table = (entity: Parameters<DataSource['getMetadata']>[0]) => this.db.getMetadata(entity).tableName;
    const parts = [
      { kind: 'event', entity: ApplicationEventEntity, alias: 'e' },
      { kind: 'file', entity: ApplicationMaterialEntity, alias: 'm' },
      { kind: 'file', entity: FileEntity, alias: 'f' },
      { kind: 'signed', entity: ApplicationCommitmentEntity, alias: 'k' },
    ] as const;
    const branch = (kind: string, from: string, owner: string) =>
      `SELECT '${kind}' AS kind, ${owner} AS owner, ${parts.map((p) => selectColumns(this.db, p.entity, p.alias, p.kind === kind)).join(', ')} FROM ${from} WHERE ${owner} IN ${inList(ids)}`;
    const sql = [
      branch('event', `${table(ApplicationEventEntity)} e`, 'e.application_id'),
      branch('file', `${table(ApplicationMaterialEntity)} m JOIN ${table(FileEntity)} f ON f.id = m.file_id`, 'm.application_id'),
      branch('signed', `${table(ApplicationCommitmentEntity)} k`, 'k.application_id'),
    ].join('\nUNION ALL\n');
    const rows: Record<string, unknown>[] = await this.db.query(sql, [...ids, ...ids, ...ids]);
    for (const raw of rows) {
      const record = records.get(String(raw.owner));
      if (!record) continue;
      if (raw.kind === 'event') {
        const event = hydrate(this.db, ApplicationEventEntity, 'e', raw);
        if (event) record.events.push(event);
      } else if (raw.kind === 'file') {
        const material = hydrate(this.db, ApplicationMaterialEntity, 'm', raw);
        const file = hydrate(this.db, FileEntity, 'f', raw);
        if (material && file) record.files.push({ material, file });
      } else {
        const signed = hydrate(this.db, ApplicationCommitmentEntity, 'k', raw);
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
      materials: uploads.map((m) => ({
        materialId: m.id,
        name: m.name,
        files: record.files.filter((a) => a.material.materialId === m.id).map((a) => this.files.view(a.file)),
      })),
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
                ? { refund: { state: payment.refundState, ...(payment.refundedAt ? { at: payment.refundedAt.toISOString() } : {}) } }
                : {}),
            },
          }
        : {}),
      ...(record.awaitingWechat && application.state === 'approved' ? { paying: true } : {}),
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

/** An application's marks as graded: a make-up's own subjects, with the first sitting's others carried over. */
export function marksOf(application: ApplicationEntity, own: ExamResultEntity | undefined, original: ExamResultEntity | undefined) {
  if (!application.makeupOf || !application.subjects) return own?.marks ?? {};
  return withCarriedMarks(application.planId, application.level, original?.marks ?? {}, own?.marks ?? {}, application.subjects);
}
