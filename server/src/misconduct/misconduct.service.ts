import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DomainError,
  MISCONDUCT_ACTS,
  SAT_APPLICATION_STATES,
  penaltyFor,
  planLevel,
  shanghaiDate,
  type MisconductRequest,
  type MisconductView,
  type SubjectKind,
} from '@skillcert/shared';
import { randomUUID } from 'node:crypto';
import { type EntityManager, type Repository } from 'typeorm';
import { ApplicationRecords, ApplicationStates, ApplicationIntake, type ApplicationEntity } from '../applications';
import { type StaffActor, Access } from '../access';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { writeMarks, type Marks } from '../results';
import { SessionsService, SeatsService } from '../sessions';
import { CertificatesService } from '../certificates';
import { StaffService } from '../staff';
import { MisconductRecordEntity } from './misconduct-record.entity';
import { PaymentsService } from '../payments';

/** What a ban ends: everything before the sitting. A sitting under way (checked in, absent) is scored, or cancelled, by the finding itself. */
const ENDED_BY_BAN: ApplicationEntity['state'][] = ['draft', 'submitted', 'returned', 'approved', 'paid'];

/**
 * Misconduct, as the 参评人员须知 rules it: the proctor (or later an admin)
 * records article, act, subject and severity; penaltyFor decides; the scores
 * are cancelled, a ban is written against the person, an article-1 finding
 * before the sitting cancels the application (fees kept). Every record names its author.
 */
@Injectable()
export class MisconductService implements OnModuleInit {
  private readonly logger = new Logger('Misconduct');

  constructor(
    private readonly staff: StaffService,
    private readonly applications: ApplicationRecords,
    private readonly sessions: SessionsService,
    @InjectRepository(MisconductRecordEntity) private readonly misconductRecords: Repository<MisconductRecordEntity>,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly states: ApplicationStates,
    private readonly seats: SeatsService,
    private readonly certificates: CertificatesService,
    private readonly access: Access,
    private readonly payments: PaymentsService,
    private readonly intake: ApplicationIntake,
  ) {}

  /** Every check of a ban — applying, approving, paying, seating, the door — reads the records through here. */
  onModuleInit(): void {
    this.intake.readBansWith((hashes, day, within) => this.runningBans(hashes, day, within));
  }

  private async runningBans(residentIdHashes: readonly string[], day: string, within?: EntityManager): Promise<Map<string, string>> {
    const rows = await (within ? within.getRepository(MisconductRecordEntity) : this.misconductRecords)
      .createQueryBuilder('m')
      .select('m.residentIdHash', 'hash')
      .addSelect('MAX(m.bannedThrough)', 'through')
      .where('m.bannedThrough >= :day', { day })
      .andWhere('m.residentIdHash IN (:...hashes)', { hashes: [...new Set(residentIdHashes)] })
      .groupBy('m.residentIdHash')
      .getRawMany<{ hash: string; through: string }>();
    return new Map(rows.map((row) => [row.hash, row.through]));
  }

  async record(actor: StaffActor, request: MisconductRequest): Promise<MisconductView> {
    const application = await this.access.get(actor, 'application', request.applicationId);
    const article = MISCONDUCT_ACTS[request.article];
    if (!article.acts.includes(request.act)) throw new DomainError('MISCONDUCT_ACT_UNKNOWN', `“${request.act}”不是${article.title}所列的行为`);
    const subjects = planLevel(application.planId, application.level).subjects;
    if (request.subject && !subjects.some((s) => s.kind === request.subject)) throw new DomainError('SUBJECT_NOT_OFFERED');
    const hold = await this.seats.holdOf(application.id, 'confirmed');
    const session = hold ? await this.sessions.get(hold.sessionId) : null;
    const on = request.occurredOn ?? session?.date ?? shanghaiDate(this.clock.now());
    const penalty = penaltyFor({
      article: request.article,
      ...(request.severity ? { severity: request.severity } : {}),
      on,
      afterSitting: SAT_APPLICATION_STATES.includes(application.state),
      discoveredAfterEvent: request.afterEvent,
    });
    const row: MisconductRecordEntity = {
      id: randomUUID(),
      applicationId: application.id,
      sessionId: session?.id ?? null,
      residentIdHash: application.residentIdHash,
      article: request.article,
      act: request.act,
      subject: request.subject ?? null,
      severity: request.severity ?? null,
      note: request.note.trim(),
      occurredOn: on,
      afterEvent: request.afterEvent,
      penalty: penalty.summary.slice(0, 200),
      bannedThrough: penalty.bannedThrough ?? null,
      recordedBy: actor.staffId,
      recordedAt: this.clock.now(),
    };
    const reason = `${article.title}：${request.act}`;
    // A ban binds what the person has under way, across every plan and body; an article-1 finding ends this application.
    const ending = penalty.bannedThrough
      ? await this.applications.find({ residentIdHash: application.residentIdHash, state: ENDED_BY_BAN }, { select: ['id'] })
      : request.article === 1
        ? [application]
        : [];
    // Nothing may pay for them any more: their WeChat orders are closed before they end.
    for (const live of ending) await this.payments.closeOpenOrders(live.id, { beforeEnding: true });
    await this.uow.run(async (manager) => {
      await manager.insert(MisconductRecordEntity, row);
      if (session) {
        const cancelled: SubjectKind[] = penalty.cancels === 'subject' && request.subject ? [request.subject] : subjects.map((s) => s.kind);
        await this.cancelMarks(manager, session.id, application.id, cancelled, reason, actor);
      }
      if (penalty.voidsCertificates) await this.certificates.revokeForApplication(manager, application.id, `${reason}：${penalty.summary}`, actor.staffId);
      const by = { kind: 'staff' as const, id: actor.staffId };
      const live = await this.applications.find({ ids: ending.map((a) => a.id), state: ENDED_BY_BAN }, { within: manager, lock: true, order: 'id' });
      for (const other of live) await this.end(manager, other, by, `${reason}。${penalty.summary}`, request.article);
      if (!live.some((a) => a.id === application.id)) {
        const current = await this.applications.mustGet(application.id, { within: manager });
        await this.states.record(manager, current.id, current.state, current.state, by, `违纪记录（${reason}）：${penalty.summary}`);
      }
    });
    await this.payments.askRefunds();
    this.logger.log({ event: 'misconduct-recorded', id: row.id, article: row.article, staffId: actor.staffId, bannedThrough: row.bannedThrough });
    return (await this.views([row]))[0]!;
  }

  /**
   * One application the finding ends: a draft withdrawn, one under review rejected, an approved or
   * paid one cancelled with its seat given back. The fee is kept where the 须知 says so (第一条:
   * 考核评价费不予退还; a 第四条 offence includes the same false promises) and owed back otherwise.
   */
  private async end(
    manager: EntityManager,
    application: ApplicationEntity,
    by: { kind: 'staff'; id: string },
    reason: string,
    article: MisconductRequest['article'],
  ) {
    if (application.state === 'draft') await this.states.transition(manager, application, 'withdrawn', by, 'admin', reason);
    else if (application.state === 'submitted' || application.state === 'returned')
      await this.states.transition(manager, application, 'rejected', by, 'admin', reason);
    else await this.payments.cancelWithin(manager, application, by, reason, { keepFee: article === 1 || article === 4 });
  }

  async forApplication(actor: StaffActor, applicationId: string): Promise<MisconductView[]> {
    await this.access.require(actor, 'application', [applicationId]);
    return this.views(await this.misconductRecords.find({ where: { applicationId }, order: { recordedAt: 'ASC' } }));
  }

  /** The cancelled subjects count as failed, saying why — over whatever score is or will be typed. */
  private async cancelMarks(
    manager: EntityManager,
    sessionId: string,
    applicationId: string,
    kinds: SubjectKind[],
    reason: string,
    actor: StaffActor,
  ): Promise<void> {
    await writeMarks(manager, this.applications, sessionId, [applicationId], (_, existing) => {
      const marks: Marks = { ...(existing?.marks ?? {}) };
      for (const kind of kinds) marks[kind] = { cancelled: reason };
      return { marks, enteredBy: existing?.enteredBy ?? actor.staffId, enteredAt: existing?.enteredAt ?? this.clock.now() };
    });
  }

  private async views(rows: MisconductRecordEntity[]): Promise<MisconductView[]> {
    if (!rows.length) return [];
    const [applications, staff] = await Promise.all([
      this.applications.find({ ids: rows.map((r) => r.applicationId) }),
      this.staff.displayNames(rows.map((r) => r.recordedBy)),
    ]);
    return rows.map((r) => ({
      id: r.id,
      applicationId: r.applicationId,
      name: applications.find((a) => a.id === r.applicationId)?.applicantName ?? '',
      article: r.article,
      act: r.act,
      ...(r.subject ? { subject: r.subject } : {}),
      ...(r.severity ? { severity: r.severity } : {}),
      note: r.note,
      occurredOn: r.occurredOn,
      penalty: r.penalty,
      ...(r.bannedThrough ? { bannedThrough: r.bannedThrough } : {}),
      recordedBy: staff.get(r.recordedBy) ?? r.recordedBy,
      recordedAt: r.recordedAt.toISOString(),
    }));
  }
}
