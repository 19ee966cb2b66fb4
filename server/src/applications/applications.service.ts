import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  assertTransition,
  banMessage,
  DomainError,
  feeFor,
  getPlan,
  newApplicationForfeitsMakeup,
  planLevel,
  shanghaiDate,
  type ApplicationRequest,
  type ApplicantStanding,
  type ApplicationView,
  type Level,
  type ResubmitRequest,
} from '@skillcert/shared';
import { randomUUID } from 'node:crypto';
import { IsNull, type Repository } from 'typeorm';
import { type CandidateActor, Access } from '../access';
import { Clock } from '../common/clock';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { activeKeyOf, ApplicationIntake } from './application-intake';
import { ApplicationCommitmentEntity, ApplicationMaterialEntity } from './application-material.entity';
import { ApplicationStates } from './application-states';
import { ApplicationEntity } from './application.entity';
import type { ApplicationEventEntity } from './application-event.entity';
import type { FileEntity } from '../files';
import { IdentityService } from '../identity';

/** A new application as written, for an answer built without reading it back. */
export interface WrittenApplication {
  application: ApplicationEntity;
  events: ApplicationEventEntity[];
  files: { material: ApplicationMaterialEntity; file: Pick<FileEntity, 'id' | 'type' | 'bytes'> }[];
  commitments: ApplicationCommitmentEntity[];
}

/** What a candidate does with their own applications: apply, correct, withdraw, claim a school's, make up. */
@Injectable()
export class ApplicationsService implements OnModuleInit {
  constructor(
    @InjectRepository(ApplicationCommitmentEntity) private readonly applicationCommitments: Repository<ApplicationCommitmentEntity>,
    @InjectRepository(ApplicationEntity) private readonly applicationRows: Repository<ApplicationEntity>,
    @InjectRepository(ApplicationMaterialEntity) private readonly applicationMaterials: Repository<ApplicationMaterialEntity>,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly intake: ApplicationIntake,
    private readonly states: ApplicationStates,
    private readonly access: Access,
    private readonly identity: IdentityService,
  ) {}

  /** Applied once with an ID number, a candidate keeps it: staff correct it at the counter. */
  onModuleInit(): void {
    this.identity.fixResidentIdWhile((userId) => this.applicationRows.existsBy({ userId }));
  }

  /** A running ban, before anything is filled in; nothing stands in the way without a real-name record yet. */
  async standing(actor: CandidateActor): Promise<ApplicantStanding> {
    if (!actor.profile) return {};
    const bannedThrough = await this.intake.activeBan(actor.profile.residentIdHash);
    return bannedThrough ? { bannedThrough, message: banMessage(bannedThrough) } : {};
  }

  /**
   * An individual application. The server decides everything again: the window on
   * today's Shanghai date, eligibility on the birth date from the verified ID card
   * (not a typed one), the materials and commitments, and one live application
   * per person, occupation and level. Written whole, or not at all — each row once,
   * already submitted — and answered with what was written (the answer needs nothing read back).
   */
  async apply(actor: CandidateActor, request: ApplicationRequest): Promise<WrittenApplication> {
    const profile = actor.profile;
    if (!profile) throw new DomainError('PROFILE_INCOMPLETE');
    const standing = await this.intake.standing(profile, request.level, [...new Set(request.materials.flatMap((m) => m.fileIds))]);
    if (standing.bannedThrough) throw new DomainError('APPLICANT_BANNED', banMessage(standing.bannedThrough));
    if (!request.confirmForfeit && standing.assessedAtLevel) await this.refuseUnconfirmedForfeit(profile.residentIdHash, request.planId, request.level);
    const plan = getPlan(request.planId);
    const { facts, verdict, window } = this.intake.check(plan.id, request.level, { ...request.facts, birthDate: profile.birthDate });
    const prepared = await this.intake.prepareMaterials(
      { ownerKind: 'candidate', ownerId: actor.userId },
      plan.id,
      request.level,
      request,
      profile.name,
      verdict.satisfied,
      undefined,
      standing.ownedFiles,
    );

    const now = this.clock.now();
    assertTransition('draft', 'submitted', 'candidate');
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
      state: 'submitted',
      activeKey: activeKeyOf(profile.residentIdHash, plan.id, request.level),
      appliedOn: shanghaiDate(now),
      assessBy: window.assessBy ?? null,
      facts,
      verdict,
      makeupOf: null,
      transferPayer: null,
      transferNotedAt: null,
      subjects: null,
      feeFen: feeFor(plan.id, request.level),
      createdAt: now,
      updatedAt: now,
    };
    const materials = prepared.files.map((f) => ({ ...f, applicationId: application.id }));
    const commitments = prepared.commitments.map((c) => ({ ...c, applicationId: application.id }));
    let submitted;
    try {
      submitted = await this.uow.run(async (manager) => {
        await manager.insert(ApplicationEntity, application);
        if (materials.length) await manager.insert(ApplicationMaterialEntity, materials);
        if (commitments.length) await manager.insert(ApplicationCommitmentEntity, commitments);
        return this.states.record(manager, application.id, 'draft', 'submitted', { kind: 'candidate', id: actor.userId });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('APPLICATION_ACTIVE_EXISTS');
      throw error;
    }
    const fileById = new Map(prepared.fileRows.map((f) => [f.id, f]));
    return {
      application,
      events: [submitted],
      files: materials.flatMap((material) => {
        const file = fileById.get(material.fileId);
        return file ? [{ material, file }] : [];
      }),
      commitments,
    };
  }

  /** A returned application is corrected and sent back to review — the same application, not a new one. */
  async resubmit(actor: CandidateActor, id: string, request: ResubmitRequest): Promise<void> {
    const profile = actor.profile;
    if (!profile) throw new DomainError('PROFILE_INCOMPLETE');
    const current = await this.access.get(actor, 'application', id);
    assertTransition(current.state, 'submitted', 'candidate');
    const { facts, verdict } = this.intake.check(current.planId, current.level, { ...request.facts, birthDate: current.birthDate });
    const [attached, signed] = await Promise.all([
      this.applicationMaterials.find({ where: { applicationId: id }, order: { position: 'ASC' } }),
      this.applicationCommitments.findBy({ applicationId: id }),
    ]);
    const materials =
      request.materials ??
      [...new Set(attached.map((a) => a.materialId))].map((materialId) => ({
        materialId,
        fileIds: attached.filter((a) => a.materialId === materialId).map((a) => a.fileId),
      }));
    const commitments = request.commitments ?? signed.map((c) => ({ materialId: c.materialId, signedName: c.signedName }));
    const prepared = await this.intake.prepareMaterials(
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
      const application = await this.access.get(actor, 'application', id, { manager, lock: this.uow.rowLock });
      await manager.update(ApplicationEntity, { id }, { facts, verdict });
      await this.intake.attach(manager, id, prepared);
      await this.states.transition(manager, application, 'submitted', { kind: 'candidate', id: actor.userId }, 'candidate', '已按要求修改，重新提交');
    });
  }

  /**
   * 我已转账: the candidate says the fee is on its way and from whose account. Recorded on the
   * application (and its timeline); the statement import then matches a credit from that account
   * as surely as one from the candidate's own. Only while the fee is due, on a plan that takes transfers.
   */
  async noteTransfer(actor: CandidateActor, id: string, payer: string): Promise<void> {
    await this.uow.run(async (manager) => {
      const application = await this.access.get(actor, 'application', id, { manager, lock: this.uow.rowLock });
      if (application.state !== 'approved' || application.channel !== 'individual' || !getPlan(application.planId).payment.channels.includes('bank')) {
        throw new DomainError('PAYMENT_NOT_DUE');
      }
      const at = this.clock.now();
      await manager.update(ApplicationEntity, { id: application.id }, { transferPayer: payer, transferNotedAt: at });
      await this.states.note(manager, application, { kind: 'candidate', id: actor.userId }, `考生告知已转账，付款人：${payer}`);
    });
  }

  /** Before a decision, the candidate may take the application back. */
  async withdraw(actor: CandidateActor, id: string): Promise<void> {
    await this.uow.run(async (manager) => {
      const application = await this.access.get(actor, 'application', id, { manager });
      await this.states.transition(manager, application, 'withdrawn', { kind: 'candidate', id: actor.userId }, 'candidate');
    });
  }

  /**
   * A student takes over the application their school declared: the ID number
   * and name of their verified profile must be the roster's, and the phone
   * number WeChat verified for them must be the one the school registered —
   * knowing a student's details is not enough to take their application. Answers the ids taken over.
   */
  async claim(actor: CandidateActor): Promise<string[]> {
    const profile = actor.profile;
    if (!profile) throw new DomainError('PROFILE_INCOMPLETE');
    if (!profile.phoneHash) throw new DomainError('PHONE_NOT_VERIFIED');
    const candidates = await this.applicationRows.findBy({
      residentIdHash: profile.residentIdHash,
      userId: IsNull(),
      channel: 'group',
      applicantName: profile.name,
      phoneHash: profile.phoneHash,
    });
    if (candidates.length === 0) throw new DomainError('GROUP_APPLICATION_NOT_FOUND');
    await this.uow.run(async (manager) => {
      for (const application of candidates) await manager.update(ApplicationEntity, { id: application.id, userId: IsNull() }, { userId: actor.userId });
    });
    return candidates.map((a) => a.id);
  }

  /**
   * Passed subjects still valid for this occupation and level: a new full
   * application gives them (and the make-up) up — refused until the candidate
   * has read that and confirms.
   */
  private async refuseUnconfirmedForfeit(residentIdHash: string, planId: string, level: Level): Promise<void> {
    const occupation = getPlan(planId).occupation.code;
    const earlier = await this.applicationRows.find({ where: { residentIdHash, level, state: 'assessed' }, select: { id: true, planId: true } });
    const sameOccupation = earlier.filter((a) => getPlan(a.planId).occupation.code === occupation).map((a) => a.id);
    for (const view of await this.graded(sameOccupation)) {
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
   * are carried over, and passing these completes the level. Answers the make-up's id.
   */
  async applyMakeup(actor: CandidateActor, originalId: string): Promise<string> {
    const original = await this.applicationRows.findOneBy({ id: originalId, userId: actor.userId });
    if (!original) throw new DomainError('NOT_FOUND');
    const ban = await this.intake.activeBan(original.residentIdHash);
    if (ban) throw new DomainError('APPLICANT_BANNED', banMessage(ban));
    if (await this.applicationRows.existsBy({ makeupOf: original.id })) throw new DomainError('MAKEUP_ALREADY_APPLIED');
    const [view] = await this.graded([original.id]);
    if (!view?.makeup?.allowed || !view.makeup.planId) throw new DomainError('MAKEUP_NOT_ALLOWED', view?.makeup?.reason ?? '该报名没有可补考的科目');
    // The sitting's own plan while it takes applications, else the body's next one: its window, fees and sessions.
    const planId = view.makeup.planId;
    const { window } = this.intake.check(planId, original.level, original.facts);
    const now = this.clock.now();
    const makeup: ApplicationEntity = {
      ...original,
      id: randomUUID(),
      planId,
      state: 'draft',
      activeKey: activeKeyOf(original.residentIdHash, planId, original.level),
      appliedOn: shanghaiDate(now),
      assessBy: window.assessBy ?? null,
      makeupOf: original.id,
      subjects: view.makeup.subjects,
      feeFen: feeFor(planId, original.level, view.makeup.subjects),
      // A make-up is paid afresh: the original's 我已转账 was about the original's fee.
      transferPayer: null,
      transferNotedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const names = planLevel(planId, original.level)
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
        await this.states.transition(manager, makeup, 'submitted', { kind: 'candidate', id: actor.userId }, 'candidate', `申请补考：${names}`);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('APPLICATION_ACTIVE_EXISTS');
      throw error;
    }
    return makeup.id;
  }

  /**
   * Earlier sittings as graded — subjects passed, the make-up they allow — for the rules that look back
   * at them. Grading reads the results and the seats above this room: the views grade every application
   * the candidate sees, and lend the same grading here at start-up (`gradeSittingsWith`).
   */
  private graded(ids: readonly string[]): Promise<ApplicationView[]> {
    if (!this.gradedViews) throw new Error('no grading was lent to the applications: the views lend it at start-up');
    return this.gradedViews(ids);
  }

  private gradedViews?: (ids: readonly string[]) => Promise<ApplicationView[]>;

  gradeSittingsWith(views: (ids: readonly string[]) => Promise<ApplicationView[]>): void {
    this.gradedViews = views;
  }
}
