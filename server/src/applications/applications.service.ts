import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applicationWindow,
  APPLICATION_STATE_NAMES,
  assertTransition,
  banMessage,
  commitmentIssues,
  DomainError,
  evaluateEligibility,
  formatChineseDate,
  formatVisitSlot,
  getPlan,
  gradeSubjects,
  makeupOptions,
  newApplicationForfeitsMakeup,
  withCarriedMarks,
  isLiveApplicationState,
  materialsFor,
  planLevel,
  resultsDueBy,
  resultsValidThrough,
  shanghaiDate,
  uploadIssues,
  visitSlotAt,
  type ApplicantFacts,
  type ApplicationRequest,
  type ApplicationState,
  type ApplicationView,
  type CorrectionItem,
  type FieldIssue,
  type Level,
  type ResubmitRequest,
} from '@skillcert/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { CandidateActor } from '../auth/actor';
import { Clock } from '../common/clock';
import { timeOrderedId } from '../common/time-ordered-id';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { FileEntity } from '../files/file.entity';
import { FilesService, type FileOwner } from '../files/files.service';
import { CandidateProfileEntity } from '../identity/candidate-profile.entity';
import { ExamSessionEntity } from '../sessions/exam-session.entity';
import { SeatHoldEntity } from '../sessions/seat-hold.entity';
import { ExamResultEntity } from '../results/exam-result.entity';
import { MisconductRecordEntity } from '../misconduct/misconduct-record.entity';
import { CertificateEntity } from '../certificates/certificate.entity';
import { certificateView } from '../certificates/certificate-view';
import { PaymentEntity } from '../payments/payment.entity';
import { BatchEntity } from '../batches/batch.entity';
import { InstitutionEntity } from '../staff/institution.entity';
import { VisitBookingEntity } from '../visits/visit.entity';
import { ApplicationEventEntity } from './application-event.entity';
import { ApplicationCommitmentEntity, ApplicationMaterialEntity } from './application-material.entity';
import { ApplicationEntity, applicationFee } from './application.entity';

export type EventActor = { kind: ApplicationEventEntity['actorKind']; id: string | null };

/** The proof of an application, checked and ready to be written with it. */
export interface PreparedMaterials {
  files: Omit<ApplicationMaterialEntity, 'applicationId'>[];
  commitments: Omit<ApplicationCommitmentEntity, 'applicationId'>[];
}

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly files: FilesService,
  ) {}

  /**
   * An individual application. The server decides everything again: the window on
   * today's Shanghai date, eligibility on the birth date from the verified ID card
   * (not a typed one), the materials and commitments, and one live application
   * per person, occupation and level. Written whole, or not at all.
   */
  async apply(actor: CandidateActor, request: ApplicationRequest): Promise<ApplicationView> {
    const profile = await this.db.getRepository(CandidateProfileEntity).findOneBy({ userId: actor.userId });
    if (!profile) throw new DomainError('PROFILE_INCOMPLETE');
    const ban = await this.activeBan(profile.residentIdHash);
    if (ban) throw new DomainError('APPLICANT_BANNED', banMessage(ban));
    if (!request.confirmForfeit) await this.refuseUnconfirmedForfeit(profile.residentIdHash, request.planId, request.level);
    const plan = getPlan(request.planId);
    const { facts, verdict, window } = this.check(plan.id, request.level, { ...request.facts, birthDate: profile.birthDate });
    const prepared = await this.prepareMaterials(
      { ownerKind: 'candidate', ownerId: actor.userId },
      plan.id,
      request.level,
      request,
      profile.name,
      verdict.satisfied,
    );

    const now = this.clock.now();
    const application: ApplicationEntity = {
      id: randomUUID(),
      userId: actor.userId,
      applicantName: profile.name,
      residentIdCipher: profile.residentIdCipher,
      residentIdHash: profile.residentIdHash,
      residentIdMasked: profile.residentIdMasked,
      birthDate: profile.birthDate,
      phoneCipher: profile.phoneCipher,
      phoneHash: profile.phoneHash,
      batchId: null,
      batchRow: null,
      prereview: null,
      prereviewNote: null,
      planId: plan.id,
      level: request.level,
      channel: 'individual',
      state: 'draft',
      activeKey: activeKeyOf(profile.residentIdHash, plan.id, request.level),
      appliedOn: shanghaiDate(now),
      assessBy: window.assessBy ?? null,
      facts,
      verdict,
      makeupOf: null,
      subjects: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.uow.run(async (manager) => {
        await manager.insert(ApplicationEntity, application);
        await this.attach(manager, application.id, prepared, true);
        await this.transition(manager, application, 'submitted', { kind: 'candidate', id: actor.userId }, 'candidate');
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('APPLICATION_ACTIVE_EXISTS');
      throw error;
    }
    return this.viewOf(application.id);
  }

  async mine(actor: CandidateActor): Promise<ApplicationView[]> {
    const rows = await this.db.getRepository(ApplicationEntity).find({ where: { userId: actor.userId }, order: { createdAt: 'DESC' }, select: { id: true } });
    return this.viewsOf(rows.map((r) => r.id));
  }

  async one(actor: CandidateActor, id: string): Promise<ApplicationView> {
    await this.own(actor, id);
    return this.viewOf(id);
  }

  /** A returned application is corrected and sent back to review — the same application, not a new one. */
  async resubmit(actor: CandidateActor, id: string, request: ResubmitRequest): Promise<ApplicationView> {
    const profile = await this.db.getRepository(CandidateProfileEntity).findOneByOrFail({ userId: actor.userId });
    const current = await this.own(actor, id);
    assertTransition(current.state, 'submitted', 'candidate');
    const { facts, verdict } = this.check(current.planId, current.level, { ...request.facts, birthDate: current.birthDate });
    const [attached, signed] = await Promise.all([
      this.db.getRepository(ApplicationMaterialEntity).find({ where: { applicationId: id }, order: { position: 'ASC' } }),
      this.db.getRepository(ApplicationCommitmentEntity).findBy({ applicationId: id }),
    ]);
    const materials =
      request.materials ??
      [...new Set(attached.map((a) => a.materialId))].map((materialId) => ({
        materialId,
        fileIds: attached.filter((a) => a.materialId === materialId).map((a) => a.fileId),
      }));
    const commitments = request.commitments ?? signed.map((c) => ({ materialId: c.materialId, signedName: c.signedName }));
    const prepared = await this.prepareMaterials(
      { ownerKind: 'candidate', ownerId: actor.userId },
      current.planId,
      current.level,
      { materials, commitments },
      profile.name,
      verdict.satisfied,
      id,
    );
    await this.uow.run(async (manager) => {
      // The application's row first, then its children: every writer of an application takes its locks in that order.
      const application = await this.own(actor, id, manager, this.uow.rowLock);
      await manager.update(ApplicationEntity, { id }, { facts, verdict });
      await this.attach(manager, id, prepared);
      await this.transition(manager, application, 'submitted', { kind: 'candidate', id: actor.userId }, 'candidate', '已按要求修改，重新提交');
    });
    return this.viewOf(id);
  }

  /** Before a decision, the candidate may take the application back. */
  async withdraw(actor: CandidateActor, id: string): Promise<ApplicationView> {
    await this.uow.run(async (manager) => {
      const application = await this.own(actor, id, manager);
      await this.transition(manager, application, 'withdrawn', { kind: 'candidate', id: actor.userId }, 'candidate');
    });
    return this.viewOf(id);
  }

  /**
   * A student takes over the application their school declared: the ID number
   * and name of their verified profile must be the roster's, and the phone
   * number WeChat verified for them must be the one the school registered —
   * knowing a student's details is not enough to take their application.
   */
  async claim(actor: CandidateActor): Promise<ApplicationView[]> {
    const profile = await this.db.getRepository(CandidateProfileEntity).findOneBy({ userId: actor.userId });
    if (!profile) throw new DomainError('PROFILE_INCOMPLETE');
    if (!profile.phoneHash) throw new DomainError('PHONE_NOT_VERIFIED');
    const candidates = await this.db
      .getRepository(ApplicationEntity)
      .findBy({ residentIdHash: profile.residentIdHash, userId: IsNull(), channel: 'group', applicantName: profile.name, phoneHash: profile.phoneHash });
    if (candidates.length === 0) throw new DomainError('NOT_FOUND', '未找到与您的实名信息和微信绑定手机号相符的团体申报，请向学校核对登记的手机号');
    await this.uow.run(async (manager) => {
      for (const application of candidates) await manager.update(ApplicationEntity, { id: application.id, userId: IsNull() }, { userId: actor.userId });
    });
    return this.viewsOf(candidates.map((a) => a.id));
  }

  /**
   * The one way an application changes state: checked against the shared state
   * machine, recorded with who and when, and the live-application key released
   * when the application ends.
   */
  async transition(
    manager: EntityManager,
    application: ApplicationEntity,
    to: ApplicationState,
    by: EventActor,
    as: Parameters<typeof assertTransition>[2],
    note?: string,
    corrections?: CorrectionItem[],
  ): Promise<void> {
    assertTransition(application.state, to, as);
    const now = this.clock.now();
    const activeKey = isLiveApplicationState(to) ? application.activeKey : null;
    const result = await manager.update(ApplicationEntity, { id: application.id, state: application.state }, { state: to, activeKey, updatedAt: now });
    // Someone else changed it first: their change stands, this one is refused.
    if (!result.affected) throw new DomainError('TRANSITION_NOT_ALLOWED');
    await this.record(manager, application.id, application.state, to, by, note, corrections);
    Object.assign(application, { state: to, activeKey, updatedAt: now });
  }

  /** One line of the timeline and the audit trail. `from` null: the application came into being (a school's import). */
  async record(
    manager: EntityManager,
    applicationId: string,
    from: ApplicationState | null,
    to: ApplicationState,
    by: EventActor,
    note?: string,
    corrections?: CorrectionItem[],
  ): Promise<void> {
    await manager.insert(ApplicationEventEntity, {
      id: timeOrderedId(),
      applicationId,
      fromState: from,
      toState: to,
      actorKind: by.kind,
      actorId: by.id,
      note: note ?? null,
      corrections: corrections ?? null,
      at: this.clock.now(),
    });
  }

  /** The window on today's Shanghai date and the eligibility verdict; either refusing ends the request. */
  check(planId: string, level: Level, facts: ApplicantFacts) {
    const today = shanghaiDate(this.clock.now());
    const window = applicationWindow(planId, level, today);
    if (!window.open) {
      const message = window.nextOpensOn ? `当前不在申报时间内，${formatChineseDate(window.nextOpensOn)}起可申报` : (window.note ?? undefined);
      throw new DomainError('APPLICATION_WINDOW_CLOSED', message);
    }
    const { eligible, satisfied, reasons } = evaluateEligibility(planId, level, facts, today);
    if (!eligible) {
      throw new DomainError(
        'NOT_ELIGIBLE',
        `暂不符合申报条件：${reasons[0] ?? ''}`,
        reasons.map((message) => ({ path: 'eligibility', message })),
      );
    }
    return { facts, verdict: { eligible, satisfied, reasons }, window };
  }

  /**
   * Checks the files and signatures against the plan's list for the level: every
   * file must be the uploader's own (or already on this application), every
   * commitment signed with the real name. `realName` null: no commitments (a
   * school's declaration, whose students sign at the school).
   */
  async prepareMaterials(
    owner: FileOwner,
    planId: string,
    level: Level,
    request: Pick<ApplicationRequest, 'materials' | 'commitments'>,
    realName: string | null,
    satisfied: readonly string[],
    applicationId?: string,
  ): Promise<PreparedMaterials> {
    const wanted = [...new Set(request.materials.flatMap((m) => m.fileIds))];
    const usable = new Set((await this.files.owned(owner, wanted)).map((f) => f.id));
    if (applicationId) {
      const attached = await this.db.getRepository(ApplicationMaterialEntity).findBy({ applicationId });
      for (const row of attached) usable.add(row.fileId);
    }
    const counts: Record<string, number> = {};
    const issues: FieldIssue[] = [];
    const files: PreparedMaterials['files'] = [];
    const seen = new Set<string>();
    for (const material of request.materials) {
      for (const fileId of material.fileIds) {
        if (seen.has(fileId)) continue;
        seen.add(fileId);
        if (!usable.has(fileId)) {
          issues.push({ path: `materials.${material.materialId}`, message: '文件不存在或已失效，请重新上传' });
          continue;
        }
        counts[material.materialId] = (counts[material.materialId] ?? 0) + 1;
        files.push({ fileId, materialId: material.materialId, position: files.length });
      }
    }
    issues.push(...uploadIssues(planId, level, counts, satisfied));
    const signatures = Object.fromEntries(request.commitments.map((c) => [c.materialId, c.signedName]));
    if (realName !== null) issues.push(...commitmentIssues(planId, level, signatures, realName));
    if (issues.length > 0) throw new DomainError('MATERIALS_INCOMPLETE', `申报材料不完整：${issues[0]?.message ?? ''}`, issues);
    const now = this.clock.now();
    const commitments =
      realName === null
        ? []
        : materialsFor(planId, level).commitments.map((m) => ({ materialId: m.id, signedName: realName, text: m.commitment, signedAt: now }));
    return { files, commitments };
  }

  /**
   * Makes an application carry exactly what was just checked. Rows are written
   * once and removed by their full key: a delete over a range of keys that
   * may be empty takes gap locks, and two applications doing that side by side
   * then deadlock on each other's inserts. The caller holds the application's
   * row lock (or has just inserted it), so nobody else changes its proof meanwhile.
   */
  async attach(manager: EntityManager, applicationId: string, prepared: PreparedMaterials, fresh = false): Promise<void> {
    const [files, signed] = fresh
      ? [[], []]
      : await Promise.all([
          manager.findBy(ApplicationMaterialEntity, { applicationId }),
          prepared.commitments.length ? manager.findBy(ApplicationCommitmentEntity, { applicationId }) : [],
        ]);
    const wanted = new Map(prepared.files.map((f) => [f.fileId, f]));
    const had = new Map(files.map((f) => [f.fileId, f]));
    for (const old of files) if (!wanted.has(old.fileId)) await manager.delete(ApplicationMaterialEntity, { applicationId, fileId: old.fileId });
    const added = prepared.files.filter((f) => !had.has(f.fileId));
    if (added.length)
      await manager.insert(
        ApplicationMaterialEntity,
        added.map((f) => ({ ...f, applicationId })),
      );
    for (const f of prepared.files) {
      const old = had.get(f.fileId);
      if (old && (old.materialId !== f.materialId || old.position !== f.position))
        await manager.update(ApplicationMaterialEntity, { applicationId, fileId: f.fileId }, { materialId: f.materialId, position: f.position });
    }
    // Commitments are signed anew on each submission (the name, the text shown, when); a school's declaration signs none.
    const signedBefore = new Set(signed.map((c) => c.materialId));
    const newlySigned = prepared.commitments.filter((c) => !signedBefore.has(c.materialId));
    if (newlySigned.length)
      await manager.insert(
        ApplicationCommitmentEntity,
        newlySigned.map((c) => ({ ...c, applicationId })),
      );
    for (const c of prepared.commitments)
      if (signedBefore.has(c.materialId))
        await manager.update(
          ApplicationCommitmentEntity,
          { applicationId, materialId: c.materialId },
          { signedName: c.signedName, text: c.text, signedAt: c.signedAt },
        );
  }

  /** Another person's application looks exactly like a missing one. */
  private async own(actor: CandidateActor, id: string, manager: EntityManager = this.db.manager, lock?: UnitOfWork['rowLock']): Promise<ApplicationEntity> {
    const application = await manager.findOne(ApplicationEntity, { where: { id }, ...(lock ? { lock } : {}) });
    if (!application || application.userId !== actor.userId) throw new DomainError('NOT_FOUND');
    return application;
  }

  async viewOf(id: string): Promise<ApplicationView> {
    const [view] = await this.viewsOf([id]);
    if (!view) throw new DomainError('NOT_FOUND');
    return view;
  }

  /**
   * Passed subjects still valid for this occupation and level: a new full
   * application gives them (and the make-up) up — refused until the candidate
   * has read that and confirms.
   */
  private async refuseUnconfirmedForfeit(residentIdHash: string, planId: string, level: Level): Promise<void> {
    const occupation = getPlan(planId).occupation.code;
    const earlier = await this.db
      .getRepository(ApplicationEntity)
      .find({ where: { residentIdHash, level, state: 'assessed' }, select: { id: true, planId: true } });
    const sameOccupation = earlier.filter((a) => getPlan(a.planId).occupation.code === occupation).map((a) => a.id);
    for (const view of await this.viewsOf(sameOccupation)) {
      if (!view.result || !view.seat) continue;
      const check = newApplicationForfeitsMakeup(
        { planId: view.planId, level: view.level, assessedOn: view.seat.date, subjects: view.result.subjects.map((s) => ({ kind: s.kind, passed: s.passed })) },
        shanghaiDate(this.clock.now()),
      );
      if (check.forfeits) throw new DomainError('MAKEUP_FORFEIT_UNCONFIRMED', check.warning);
    }
  }

  /**
   * 补考: the failed subjects of an assessed sitting, sat again. Reviewed, paid
   * (those subjects' fees) and seated like any application; the passed subjects
   * are carried over, and passing these completes the level.
   */
  async applyMakeup(actor: CandidateActor, originalId: string): Promise<ApplicationView> {
    const original = await this.db.getRepository(ApplicationEntity).findOneBy({ id: originalId, userId: actor.userId });
    if (!original) throw new DomainError('NOT_FOUND');
    const ban = await this.activeBan(original.residentIdHash);
    if (ban) throw new DomainError('APPLICANT_BANNED', banMessage(ban));
    if (await this.db.getRepository(ApplicationEntity).existsBy({ makeupOf: original.id }))
      throw new DomainError('MAKEUP_NOT_ALLOWED', '已申请过补考，请在补考申请中查看进度');
    const [view] = await this.viewsOf([original.id]);
    if (!view?.makeup?.allowed) throw new DomainError('MAKEUP_NOT_ALLOWED', view?.makeup?.reason ?? '该报名没有可补考的科目');
    const { window } = this.check(original.planId, original.level, original.facts);
    const now = this.clock.now();
    const makeup: ApplicationEntity = {
      ...original,
      id: randomUUID(),
      state: 'draft',
      activeKey: activeKeyOf(original.residentIdHash, original.planId, original.level),
      appliedOn: shanghaiDate(now),
      assessBy: window.assessBy ?? null,
      makeupOf: original.id,
      subjects: view.makeup.subjects,
      createdAt: now,
      updatedAt: now,
    };
    const names = planLevel(original.planId, original.level)
      .subjects.filter((s) => view.makeup!.subjects.includes(s.kind))
      .map((s) => s.name)
      .join('、');
    try {
      await this.uow.run(async (manager) => {
        await manager.insert(ApplicationEntity, makeup);
        // The materials the first application was approved on stand for the make-up.
        const [attached, signed] = await Promise.all([
          manager.findBy(ApplicationMaterialEntity, { applicationId: original.id }),
          manager.findBy(ApplicationCommitmentEntity, { applicationId: original.id }),
        ]);
        if (attached.length)
          await manager.insert(
            ApplicationMaterialEntity,
            attached.map((a) => ({ ...a, applicationId: makeup.id })),
          );
        if (signed.length)
          await manager.insert(
            ApplicationCommitmentEntity,
            signed.map((c) => ({ ...c, applicationId: makeup.id })),
          );
        await this.transition(manager, makeup, 'submitted', { kind: 'candidate', id: actor.userId }, 'candidate', `申请补考：${names}`);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('APPLICATION_ACTIVE_EXISTS');
      throw error;
    }
    return this.viewOf(makeup.id);
  }

  /** The last day of a misconduct ban still running for this person (any plan, any body), if there is one. */
  async activeBan(residentIdHash: string): Promise<string | undefined> {
    const ban = await this.db
      .getRepository(MisconductRecordEntity)
      .findOne({ where: { residentIdHash, bannedThrough: MoreThanOrEqual(shanghaiDate(this.clock.now())) }, order: { bannedThrough: 'DESC' } });
    return ban?.bannedThrough ?? undefined;
  }

  /**
   * Many applications at once — a reviewer's queue, a school's class — with one
   * query per table rather than one per application. Views come back in the order asked.
   */
  async viewsOf(ids: string[]): Promise<ApplicationView[]> {
    if (ids.length === 0) return [];
    const byApplication = <T extends { applicationId: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const row of rows) map.set(row.applicationId, [...(map.get(row.applicationId) ?? []), row]);
      return map;
    };
    const [applications, events, attached, signed, holds, visits, payments] = await Promise.all([
      this.db.getRepository(ApplicationEntity).findBy({ id: In(ids) }),
      this.db.getRepository(ApplicationEventEntity).find({ where: { applicationId: In(ids) }, order: { at: 'ASC', id: 'ASC' } }),
      this.db.getRepository(ApplicationMaterialEntity).find({ where: { applicationId: In(ids) }, order: { position: 'ASC' } }),
      this.db.getRepository(ApplicationCommitmentEntity).findBy({ applicationId: In(ids) }),
      this.db.getRepository(SeatHoldEntity).findBy({ applicationId: In(ids), status: In(['held', 'confirmed']) }),
      this.db.getRepository(VisitBookingEntity).findBy({ applicationId: In(ids) }),
      this.db.getRepository(PaymentEntity).findBy({ applicationId: In(ids), state: In(['paid', 'pending']) }),
    ]);
    const batchIds = [...new Set(applications.flatMap((a) => (a.batchId ? [a.batchId] : [])))];
    const paid = payments.filter((p) => p.state === 'paid');
    const schoolOrderIds = [...new Set(paid.flatMap((p) => (p.orderId ? [p.orderId] : [])))];
    const [fileRows, sessions, batches, schoolOrders, results] = await Promise.all([
      attached.length ? this.db.getRepository(FileEntity).findBy({ id: In(attached.map((a) => a.fileId)) }) : [],
      holds.length ? this.db.getRepository(ExamSessionEntity).findBy({ id: In(holds.map((h) => h.sessionId)) }) : [],
      batchIds.length ? this.db.getRepository(BatchEntity).findBy({ id: In(batchIds) }) : [],
      schoolOrderIds.length ? this.db.getRepository(PaymentEntity).findBy({ id: In(schoolOrderIds) }) : [],
      this.db.getRepository(ExamResultEntity).findBy({
        applicationId: In([...holds.map((h) => h.applicationId), ...applications.flatMap((a) => (a.makeupOf ? [a.makeupOf] : []))].concat('-')),
      }),
    ]);
    const resultOf = new Map(results.map((r) => [r.applicationId, r]));
    const [certificates, makeups] = await Promise.all([
      this.db.getRepository(CertificateEntity).findBy({ applicationId: In(ids) }),
      this.db.getRepository(ApplicationEntity).find({ where: { makeupOf: In(ids) }, select: { id: true, makeupOf: true } }),
    ]);
    const madeUp = new Set(makeups.map((m) => m.makeupOf));
    // A make-up's passed subjects stay valid from the first sitting, not from the make-up's.
    const originals = [...new Set(applications.flatMap((a) => (a.makeupOf ? [a.makeupOf] : [])))];
    const originalHolds = originals.length ? await this.db.getRepository(SeatHoldEntity).findBy({ applicationId: In(originals), status: 'confirmed' }) : [];
    const originalSessions = originalHolds.length
      ? await this.db.getRepository(ExamSessionEntity).findBy({ id: In(originalHolds.map((h) => h.sessionId)) })
      : [];
    const firstSatOn = new Map(originalHolds.map((h) => [h.applicationId, originalSessions.find((x) => x.id === h.sessionId)?.date]));
    const certificateOf = new Map(certificates.map((c) => [c.applicationId, c]));
    const institutions = batches.length ? await this.db.getRepository(InstitutionEntity).findBy({ id: In(batches.map((b) => b.institutionId)) }) : [];
    const eventsOf = byApplication(events);
    const attachedOf = byApplication(attached);
    const signedOf = byApplication(signed);
    const holdOf = new Map(holds.map((h) => [h.applicationId, h]));
    const visitOf = new Map(visits.map((v) => [v.applicationId, v]));
    const paymentOf = new Map(paid.map((p) => [p.applicationId, p]));
    const schoolOrderById = new Map(schoolOrders.map((o) => [o.id, o]));
    const awaitingWechat = new Set(payments.flatMap((p) => (p.state === 'pending' && p.payingAt && p.applicationId ? [p.applicationId] : [])));
    const fileById = new Map(fileRows.map((f) => [f.id, f]));
    const sessionById = new Map(sessions.map((x) => [x.id, x]));
    const batchById = new Map(batches.map((b) => [b.id, b]));
    const institutionById = new Map(institutions.map((i) => [i.id, i]));
    const applicationById = new Map(applications.map((a) => [a.id, a]));

    return ids.flatMap((id) => {
      const application = applicationById.get(id);
      if (!application) return [];
      const timeline = eventsOf.get(id) ?? [];
      const files = attachedOf.get(id) ?? [];
      const signatures = signedOf.get(id) ?? [];
      const hold = holdOf.get(id);
      const session = hold ? sessionById.get(hold.sessionId) : undefined;
      const visit = visitOf.get(id);
      const payment = paymentOf.get(id);
      // A member's share of the school's order: the receipt quotes the order the school paid.
      const schoolOrder = payment?.orderId ? schoolOrderById.get(payment.orderId) : undefined;
      const batch = application.batchId ? batchById.get(application.batchId) : undefined;
      const { uploads, commitments } = materialsFor(application.planId, application.level);
      const lastReturn = application.state === 'returned' ? [...timeline].reverse().find((e) => e.toState === 'returned') : undefined;
      const corrections: CorrectionItem[] = lastReturn
        ? [...(lastReturn.note ? [{ item: 'general', label: '审核意见', note: lastReturn.note }] : []), ...(lastReturn.corrections ?? [])]
        : [];
      const view: ApplicationView = {
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
          files: files
            .filter((a) => a.materialId === m.id)
            .flatMap((a) => {
              const file = fileById.get(a.fileId);
              return file ? [this.files.view(file)] : [];
            }),
        })),
        commitments: commitments.flatMap((m) => {
          const row = signatures.find((x) => x.materialId === m.id);
          return row ? [{ materialId: m.id, name: m.name, signedName: row.signedName, signedAt: row.signedAt.toISOString() }] : [];
        }),
        corrections,
        feeFen: applicationFee(application),
        ...(hold && session
          ? { seat: { sessionId: session.id, date: session.date, site: session.site, heldUntil: hold.heldUntil?.toISOString() ?? null } }
          : {}),
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
                ...(schoolOrder && batch ? { paidByInstitution: institutionById.get(batch.institutionId)?.name ?? '' } : {}),
                ...(payment.refundState
                  ? { refund: { state: payment.refundState, ...(payment.refundedAt ? { at: payment.refundedAt.toISOString() } : {}) } }
                  : {}),
              },
            }
          : {}),
        ...(awaitingWechat.has(id) && application.state === 'approved' ? { paying: true } : {}),
        ...this.resultPart(
          application,
          hold,
          session,
          resultOf.get(id),
          application.makeupOf ? { result: resultOf.get(application.makeupOf), satOn: firstSatOn.get(application.makeupOf) } : undefined,
          madeUp.has(id),
        ),
        ...(application.makeupOf && application.subjects ? { makeupOf: application.makeupOf, subjects: application.subjects } : {}),
        ...(certificateOf.has(id) ? { certificate: certificateView(certificateOf.get(id)!) } : {}),
        ...(batch ? { batch: { id: batch.id, name: batch.name, institution: institutionById.get(batch.institutionId)?.name ?? '' } } : {}),
        timeline: timeline.map((e) => ({
          from: e.fromState,
          to: e.toState,
          label: APPLICATION_STATE_NAMES[e.toState],
          at: e.at.toISOString(),
          by: e.actorKind,
          ...(e.note ? { note: e.note } : {}),
        })),
      };
      return [view];
    });
  }

  /** Published: the graded subjects. Sat and waiting: the day results are due. */
  private resultPart(
    application: ApplicationEntity,
    hold: SeatHoldEntity | undefined,
    session: ExamSessionEntity | undefined,
    result: ExamResultEntity | undefined,
    original: { result: ExamResultEntity | undefined; satOn: string | undefined } | undefined,
    madeUp: boolean,
  ): Pick<ApplicationView, 'result' | 'resultsDueBy' | 'makeup'> {
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

/** person (ID hash) : plan's occupation : level — the key of "one live application each". */
export function activeKeyOf(residentIdHash: string, planId: string, level: Level): string {
  return `${residentIdHash}:${getPlan(planId).occupation.code}:${level}`;
}

/** An application's marks as graded: a make-up's own subjects, with the first sitting's others carried over. */
export function marksOf(application: ApplicationEntity, own: ExamResultEntity | undefined, original: ExamResultEntity | undefined) {
  if (!application.makeupOf || !application.subjects) return own?.marks ?? {};
  return withCarriedMarks(application.planId, application.level, original?.marks ?? {}, own?.marks ?? {}, application.subjects);
}
