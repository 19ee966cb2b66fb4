import { Injectable } from '@nestjs/common';
import {
  DomainError,
  planIdsOfBody,
  correctableItems,
  type BulkApproveRequest,
  type BulkApproveResult,
  type CorrectionItem,
  type ResidentIdCorrection,
  type ReturnRequest,
  type ReviewQuery,
  reviewNoticeData,
  reviewNoticeEmail,
  residentIdRevealable,
} from '@skillcert/shared';
import { type ApplicationEntity, ApplicationRecords, ApplicationStates, activeKeyOf, ApplicationIntake } from '../applications';
import { IdentityService, PersonalDataCipher } from '../identity';
import { type StaffActor, Access } from '../access';
import { Throttles } from '../common/rate-limiter';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { SeatAllocator } from '../sessions';
import { VisitsService } from '../visits';
import { CandidateNotices, OutboxService } from '../notifications';

/** Staff decide on applications for their own body's plans; each decision is an audited transition. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly applications: ApplicationRecords,
    private readonly uow: UnitOfWork,
    private readonly states: ApplicationStates,
    private readonly allocator: SeatAllocator,
    private readonly visits: VisitsService,
    private readonly notices: CandidateNotices,
    private readonly outbox: OutboxService,
    private readonly access: Access,
    private readonly cipher: PersonalDataCipher,
    private readonly throttles: Throttles,
    private readonly intake: ApplicationIntake,
    private readonly identity: IdentityService,
  ) {}

  /**
   * The whole ID number, for the reviewer at the counter holding the original card: only for an
   * individual's application under review (the counter stage — not a school's draft, not one decided),
   * read only on purpose, at most REVEALS_PER_REVIEWER in ten minutes per reviewer, and written into
   * the application's record (who, when) — the candidate sees it in their timeline too.
   */
  async revealResidentId(actor: StaffActor, id: string): Promise<{ residentId: string }> {
    const application = await this.access.get(actor, 'application', id);
    if (!residentIdRevealable(application)) throw new DomainError('RESIDENT_ID_NOT_REVEALABLE');
    await this.throttles.hit('resident-id-reveal', actor.staffId);
    await this.uow.run((manager) => this.states.note(manager, application, { kind: 'staff', id: actor.staffId }, '现场核验：工作人员查看了完整身份证号码'));
    return { residentId: this.cipher.decrypt(application.residentIdCipher) };
  }

  /**
   * The ID number corrected at the counter, the original card in hand — the one way it changes once
   * the candidate has applied (they cannot change it themselves). The profile and every application of
   * the person carry the new number; each application's timeline says who changed it from what, and
   * why. A number another account holds, or one under a ban, is refused.
   */
  async correctResidentId(actor: StaffActor, id: string, request: ResidentIdCorrection): Promise<void> {
    const application = await this.access.get(actor, 'application', id);
    const newHash = this.cipher.residentIdHash(request.residentId);
    if (newHash === application.residentIdHash) return;
    await this.intake.refuseBanned(newHash);
    await this.uow.run(async (manager) => {
      const theirs = await this.applications.find(
        { residentIdHash: application.residentIdHash },
        { within: manager, lock: true, order: 'id', select: ['state', 'residentIdMasked'] },
      );
      const person = await this.identity.correctResidentId(manager, application.userId, request.residentId);
      await this.applications
        .rekeyPerson(
          manager,
          theirs.map((a) => a.id),
          person,
          (a) => activeKeyOf(person.residentIdHash, a.planId, a.level),
        )
        .catch((error: unknown) => {
          // The corrected number already has a live application of the same occupation and level.
          if (isUniqueViolation(error)) throw new DomainError('APPLICATION_ACTIVE_EXISTS');
          throw error;
        });
      const by = { kind: 'staff' as const, id: actor.staffId };
      for (const one of theirs)
        await this.states.note(
          manager,
          one,
          by,
          `身份证号码经工作人员核对原件后更正：${one.residentIdMasked} → ${person.residentIdMasked}（${request.note.trim()}）`,
        );
    });
  }

  /** The ids waiting in the queue, oldest application first. */
  async queue(actor: StaffActor, query: ReviewQuery): Promise<string[]> {
    const planIds = planIdsOfBody(actor.bodyId).filter((id) => !query.planId || id === query.planId);
    if (planIds.length === 0) return [];
    const rows = await this.applications.find(
      {
        planIds,
        state: query.state,
        ...(query.level ? { level: query.level } : {}),
        ...(query.channel ? { channel: query.channel } : {}),
        ...(query.batchId ? { batchId: query.batchId } : {}),
      },
      { order: 'applied', take: 500, select: ['id'] },
    );
    return rows.map((r) => r.id);
  }

  /** The counter scans the applicant's visit code (or types it on a desk): the application's id, when it is the body's. */
  async byVisitCode(actor: StaffActor, code: string): Promise<string> {
    const id = await this.visits.applicationIdOf(code);
    if (!id) throw new DomainError('VISIT_CODE_UNKNOWN');
    await this.access.require(actor, 'application', [id]);
    return id;
  }

  /**
   * Approves, then seats the candidate in the earliest session that can take this
   * application until the payment deadline — or puts it on the waiting list.
   */
  async approve(actor: StaffActor, id: string, note?: string): Promise<void> {
    const approved = await this.decide(actor, id, 'approved', note);
    await this.allocator.seat(id, approved);
  }

  /** Back to the applicant with a general note and/or a note per item (the facts, or one material). */
  async returnForCorrection(actor: StaffActor, id: string, request: ReturnRequest): Promise<void> {
    const application = await this.access.get(actor, 'application', id);
    const labels = new Map(correctableItems(application.planId, application.level).map((c) => [c.item, c.label]));
    const items: CorrectionItem[] = request.items.map((i) => {
      const label = labels.get(i.item);
      if (!label) throw new DomainError('CORRECTION_ITEM_UNKNOWN', undefined, [{ path: 'items', message: `未知的退回项目：${i.item}` }]);
      return { item: i.item, label, note: i.note.trim() };
    });
    await this.decide(actor, id, 'returned', request.note?.trim() || undefined, items);
  }

  async reject(actor: StaffActor, id: string, reason: string): Promise<void> {
    await this.decide(actor, id, 'rejected', reason);
  }

  /**
   * A school's batch decided at once: every member waiting for a decision is
   * approved (and seated in order), except the listed ones, returned or rejected
   * with their reasons. Each member's decision is its own audited transition.
   */
  async approveBatch(actor: StaffActor, batchId: string, request: BulkApproveRequest): Promise<BulkApproveResult> {
    const batch = await this.access.get(actor, 'batch', batchId);
    if (batch.state !== 'submitted') throw new DomainError('BATCH_NOT_SUBMITTED');
    const members = await this.applications.find({ batchId }, { order: 'batch-row' });
    const exceptions = new Map(request.exceptions.map((e) => [e.applicationId, e]));
    const result: BulkApproveResult = { approved: 0, returned: 0, rejected: 0, skipped: [] };
    for (const id of exceptions.keys()) {
      if (!members.some((m) => m.id === id)) throw new DomainError('NOT_IN_BATCH', '例外名单中有不属于本批次的申报', [{ path: 'exceptions', message: id }]);
    }
    for (const member of members) {
      if (member.state !== 'submitted') {
        if (member.prereview !== 'excluded') result.skipped.push({ applicationId: member.id, reason: `当前状态为“${member.state}”` });
        continue;
      }
      const exception = exceptions.get(member.id);
      if (exception?.decision === 'returned') {
        await this.decide(actor, member.id, 'returned', exception.note);
        result.returned++;
      } else if (exception?.decision === 'rejected') {
        await this.decide(actor, member.id, 'rejected', exception.note);
        result.rejected++;
      } else {
        const approved = await this.decide(actor, member.id, 'approved', '团体批量审核通过').catch((error: unknown) => {
          // A student under a ban stays out; the rest of the class goes on.
          if (error instanceof DomainError && error.code === 'APPLICANT_BANNED') return error;
          throw error;
        });
        if (approved instanceof DomainError) {
          result.skipped.push({ applicationId: member.id, reason: approved.message });
          continue;
        }
        await this.allocator.seat(member.id, approved);
        result.approved++;
      }
    }
    return result;
  }

  private async decide(
    actor: StaffActor,
    id: string,
    to: 'approved' | 'returned' | 'rejected',
    note?: string,
    corrections?: CorrectionItem[],
  ): Promise<ApplicationEntity> {
    return this.uow.run(async (manager) => {
      const application = await this.access.get(actor, 'application', id, { manager });
      await this.states.transition(
        manager,
        application,
        to,
        { kind: 'staff', id: actor.staffId },
        actor.roles.includes('admin') ? 'admin' : 'reviewer',
        note,
        corrections,
      );
      const summary = note ?? corrections?.map((c) => `${c.label}：${c.note}`).join('；');
      await this.notices.tell(manager, this.outbox, application, {
        kind: 'review',
        dedupe: `review:${application.id}:${to}:${application.updatedAt.getTime()}`,
        wechat: {
          template: 'review',
          data: reviewNoticeData({ planId: application.planId, level: application.level, outcome: to, ...(summary ? { note: summary } : {}) }),
        },
        email: reviewNoticeEmail({
          name: application.applicantName,
          planId: application.planId,
          level: application.level,
          outcome: to,
          ...(summary ? { note: summary } : {}),
        }),
      });
      return application;
    });
  }
}
