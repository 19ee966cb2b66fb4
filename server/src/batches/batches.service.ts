import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  feeFor,
  maskPhone,
  banMessage,
  APPLICATION_STATE_NAMES,
  DomainError,
  messageOf,
  getPlan,
  maskResidentId,
  offeredLevels,
  parseRosterRow,
  shanghaiDate,
  uploadIssues,
  type BatchView,
  type CreateBatchRequest,
  type MemberMaterialsRequest,
  type PrereviewRequest,
  type RosterIssue,
  type RosterReport,
} from '@skillcert/shared';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager, type Repository } from 'typeorm';
import { type ApplicationEntity, ApplicationRecords, type DraftField, activeKeyOf, ApplicationIntake, ApplicationStates } from '../applications';
import { institutionOf, type StaffActor, Access } from '../access';
import { Clock } from '../common/clock';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { PersonalDataCipher } from '../identity';
import { StaffService } from '../staff';
import { BatchEntity } from './batch.entity';
import { readRoster } from './roster-workbook';

/**
 * Group declaration: a school creates a batch, imports its roster (good rows
 * kept, bad rows reported by row and column), attaches each student's proof,
 * does its preliminary review (初审) and submits the batch to the body.
 */
@Injectable()
export class BatchesService {
  constructor(
    private readonly staff: StaffService,
    private readonly applications: ApplicationRecords,
    @InjectRepository(BatchEntity) private readonly batchRows: Repository<BatchEntity>,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly intake: ApplicationIntake,
    private readonly states: ApplicationStates,
    private readonly cipher: PersonalDataCipher,
    private readonly access: Access,
  ) {}

  async create(actor: StaffActor, request: CreateBatchRequest): Promise<BatchView> {
    const clerk = institutionOf(actor);
    const plan = getPlan(request.planId);
    if (plan.body.id !== clerk.bodyId) throw new DomainError('PLAN_NOT_FOUND');
    if (!offeredLevels(plan).includes(request.level)) throw new DomainError('LEVEL_NOT_OFFERED');
    const batch: BatchEntity = {
      id: randomUUID(),
      institutionId: clerk.institutionId,
      planId: plan.id,
      level: request.level,
      name: request.name.trim(),
      state: 'open',
      createdBy: clerk.staffId,
      createdAt: this.clock.now(),
      submittedAt: null,
    };
    await this.batchRows.insert(batch);
    return this.view(batch.id);
  }

  async list(actor: StaffActor): Promise<BatchView[]> {
    const clerk = institutionOf(actor);
    const rows = await this.batchRows.find({ where: { institutionId: clerk.institutionId }, order: { createdAt: 'DESC' } });
    return Promise.all(rows.map((b) => this.view(b.id)));
  }

  async one(actor: StaffActor, id: string): Promise<BatchView> {
    await this.own(actor, id);
    return this.view(id);
  }

  /**
   * Imports a filled roster. Good rows become (or update) the batch's students;
   * every bad row is reported with its row number, column and reason, and
   * nothing of it is kept. Re-uploading the corrected sheet is how rows are fixed.
   */
  async importRoster(actor: StaffActor, id: string, bytes: Buffer | undefined): Promise<RosterReport> {
    const batch = await this.ownOpen(actor, id);
    if (!bytes?.length) throw new DomainError('FILE_EMPTY', '请选择填好的名单文件');
    const sheet = await readRoster(bytes);
    if ('refused' in sheet) throw new DomainError('ROSTER_INVALID', sheet.refused);
    const issues: RosterIssue[] = [...sheet.issues];
    const rowsWithIssues = new Set(issues.map((i) => i.row));
    const members = await this.applications.find({ batchId: batch.id });
    const memberByHash = new Map(members.map((m) => [m.residentIdHash, m]));
    const memberById = new Map(members.map((m) => [m.id, m]));
    const seen = new Map<string, number>();
    const inserts: ApplicationEntity[] = [];
    const updates: { id: string; changes: Partial<Pick<ApplicationEntity, DraftField>> }[] = [];
    const now = this.clock.now();

    // First the rows themselves; then who of them is banned or applying elsewhere, asked once for the whole sheet.
    const people: { number: number; person: NonNullable<ReturnType<typeof parseRosterRow>['person']>; hash: string }[] = [];
    for (const { number, cells } of sheet.rows) {
      if (rowsWithIssues.has(number)) continue;
      const parsed = parseRosterRow(cells, number);
      if (!parsed.person) {
        issues.push(...parsed.issues);
        continue;
      }
      const hash = this.cipher.residentIdHash(parsed.person.residentId);
      const firstRow = seen.get(hash);
      if (firstRow !== undefined) {
        issues.push({ row: number, column: '身份证号', message: `与第${firstRow}行的身份证号重复` });
        continue;
      }
      seen.set(hash, number);
      people.push({ number, person: parsed.person, hash });
    }
    const bans = await this.intake.activeBans(people.map((p) => p.hash));
    const newKeys = people.filter((p) => !memberByHash.has(p.hash)).map((p) => activeKeyOf(p.hash, batch.planId, batch.level));
    const applyingElsewhere = new Set((await this.applications.find({ activeKeys: newKeys }, { select: ['activeKey'] })).map((a) => a.activeKey));

    for (const { number, person, hash } of people) {
      const ban = bans.get(hash);
      if (ban) {
        issues.push({ row: number, column: '身份证号', message: `该学员${banMessage(ban)}` });
        continue;
      }
      let checked;
      try {
        checked = this.intake.check(batch.planId, batch.level, person.facts);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'NOT_ELIGIBLE') {
          issues.push({ row: number, column: '申报条件', message: messageOf(error) });
          continue;
        }
        throw error;
      }
      const existing = memberByHash.get(hash);
      const snapshot = {
        applicantName: person.name,
        residentIdMasked: maskResidentId(person.residentId),
        birthDate: person.facts.birthDate,
        ...this.cipher.sealPhone(person.phone),
        facts: person.facts,
        verdict: checked.verdict,
        batchRow: number,
        updatedAt: now,
      };
      if (existing) {
        if (existing.state !== 'draft') issues.push({ row: number, column: '身份证号', message: '该学员已提交，不能再修改' });
        else updates.push({ id: existing.id, changes: snapshot });
        continue;
      }
      const activeKey = activeKeyOf(hash, batch.planId, batch.level);
      if (applyingElsewhere.has(activeKey)) {
        issues.push({ row: number, column: '身份证号', message: '该学员已有进行中的同职业同等级申报' });
        continue;
      }
      inserts.push({
        ...snapshot,
        id: randomUUID(),
        userId: null,
        residentIdCipher: this.cipher.encrypt(person.residentId),
        residentIdHash: hash,
        batchId: batch.id,
        prereview: 'pending',
        prereviewNote: null,
        planId: batch.planId,
        level: batch.level,
        channel: 'group',
        state: 'draft',
        activeKey,
        appliedOn: shanghaiDate(now),
        assessBy: checked.window.assessBy ?? null,
        makeupOf: null,
        transferPayer: null,
        transferNotedAt: null,
        subjects: null,
        feeFen: feeFor(batch.planId, batch.level),
        createdAt: now,
      });
    }

    try {
      await this.uow.run(async (manager) => {
        await this.lockOpen(manager, batch.id);
        // Another upload or a 初审 landed while this sheet was being checked: its rows were judged against a class that has changed.
        const current = await this.applications.find({ batchId: batch.id }, { within: manager, select: ['state'] });
        if (current.length !== members.length || current.some((m) => memberById.get(m.id)?.state !== m.state)) throw new DomainError('EDITED_CONCURRENTLY');
        await this.applications.addDrafts(manager, inserts);
        await this.states.recordAll(
          manager,
          inserts.map((a) => a.id),
          null,
          'draft',
          clerkOf(actor),
          '机构导入名单',
        );
        for (const { id: memberId, changes } of updates) await this.applications.editDrafts(manager, { batchId: batch.id, ids: [memberId] }, changes);
      });
    } catch (error) {
      // Someone applied in the seconds between the check and the write: nothing was kept; the next upload reports the row.
      if (isUniqueViolation(error)) throw new DomainError('APPLICATION_ACTIVE_EXISTS', '名单中有学员刚刚提交了同等级申报，请重新上传名单');
      throw error;
    }
    issues.sort((a, b) => a.row - b.row);
    return { accepted: inserts.length + updates.length, issues, batch: await this.view(batch.id) };
  }

  /** The proof for one student, attached by the school (files the school uploaded). */
  async memberMaterials(actor: StaffActor, id: string, applicationId: string, request: MemberMaterialsRequest): Promise<BatchView> {
    const batch = await this.ownOpen(actor, id);
    const clerk = institutionOf(actor);
    const [member] = await this.applications.find({ ids: [applicationId], batchId: batch.id });
    if (!member) throw new DomainError('NOT_FOUND');
    const prepared = await this.intake.prepareMaterials(
      { ownerKind: 'institution', ownerId: clerk.institutionId },
      batch.planId,
      batch.level,
      { materials: request.materials, commitments: [] },
      null,
      member.verdict.satisfied,
      member.id,
    );
    await this.uow.run(async (manager) => {
      // The batch, the member, then its proof: the order every writer of a class takes them in.
      await this.lockOpen(manager, batch.id);
      await this.applications.lock(manager, [member.id]);
      await this.intake.attach(manager, member.id, prepared);
    });
    return this.view(batch.id);
  }

  /** 初审: the school passes students on to the body, or keeps them back with a reason. */
  async prereview(actor: StaffActor, id: string, request: PrereviewRequest): Promise<BatchView> {
    const batch = await this.ownOpen(actor, id);
    await this.uow.run(async (manager) => {
      await this.lockOpen(manager, batch.id);
      const edited = await this.applications.editDrafts(
        manager,
        { batchId: batch.id, ids: request.applicationIds },
        { prereview: request.decision, prereviewNote: request.decision === 'excluded' ? (request.note?.trim() ?? null) : null },
      );
      if (edited !== new Set(request.applicationIds).size) throw new DomainError('NOT_IN_BATCH');
    });
    return this.view(batch.id);
  }

  /**
   * Sends the batch to the body: every student has been through 初审, those
   * passed carry their required materials and are submitted, those kept back
   * are withdrawn. All or nothing.
   */
  async submit(actor: StaffActor, id: string): Promise<BatchView> {
    await this.ownOpen(actor, id);
    const by = clerkOf(actor);
    // Checked under the batch's lock: an upload, a 初审 or a photo landing meanwhile waits, and what is checked is what is sent.
    await this.uow.run(async (manager) => {
      const batch = await this.lockOpen(manager, id);
      const members = await this.applications.find({ batchId: batch.id }, { within: manager, order: 'batch-row' });
      const pending = members.filter((m) => m.prereview === 'pending');
      if (pending.length) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `还有${pending.length}名学员未完成初审`,
          pending.map((m) => ({ path: `row.${m.batchRow}`, message: `第${m.batchRow}行 ${m.applicantName}：未初审` })),
        );
      }
      const passed = members.filter((m) => m.prereview === 'passed');
      if (passed.length === 0) throw new DomainError('BATCH_EMPTY');
      const counts = await this.fileCounts(
        passed.map((m) => m.id),
        manager,
      );
      const incomplete = passed.flatMap((m) =>
        uploadIssues(batch.planId, batch.level, counts.get(m.id) ?? {}, m.verdict.satisfied).map((i) => ({
          path: `row.${m.batchRow}`,
          message: `第${m.batchRow}行 ${m.applicantName}：${i.message}`,
        })),
      );
      if (incomplete.length) throw new DomainError('MATERIALS_INCOMPLETE', `${incomplete[0]?.message ?? ''}`, incomplete);
      await manager.update(BatchEntity, { id: batch.id }, { state: 'submitted', submittedAt: this.clock.now() });
      for (const member of members) {
        if (member.prereview === 'passed') await this.states.transition(manager, member, 'submitted', by, 'institution', '机构初审通过，团体申报提交');
        else await this.states.transition(manager, member, 'withdrawn', by, 'institution', `机构初审未通过：${member.prereviewNote ?? ''}`);
      }
    });
    return this.view(id);
  }

  /** The batch's row, locked for this transaction: every change to a class queues on it, and only an open batch may change. */
  private async lockOpen(manager: EntityManager, id: string): Promise<BatchEntity> {
    const batch = await manager.findOne(BatchEntity, { where: { id }, ...(this.uow.rowLock ? { lock: this.uow.rowLock } : {}) });
    if (!batch || batch.state !== 'open') throw new DomainError('BATCH_SUBMITTED');
    return batch;
  }

  private async fileCounts(applicationIds: string[], manager?: EntityManager): Promise<Map<string, Record<string, number>>> {
    const rows = await this.applications.materials(applicationIds, manager ? { within: manager } : {});
    const counts = new Map<string, Record<string, number>>();
    for (const row of rows) {
      const perMaterial = counts.get(row.applicationId) ?? {};
      perMaterial[row.materialId] = (perMaterial[row.materialId] ?? 0) + 1;
      counts.set(row.applicationId, perMaterial);
    }
    return counts;
  }

  private own(actor: StaffActor, id: string): Promise<BatchEntity> {
    return this.access.get(actor, 'batch', id);
  }

  private async ownOpen(actor: StaffActor, id: string): Promise<BatchEntity> {
    const batch = await this.own(actor, id);
    if (batch.state !== 'open') throw new DomainError('BATCH_SUBMITTED');
    return batch;
  }

  /** Batches by id, for a caller that already holds their ids (finance's pending class fees). */
  byIds(ids: readonly string[]): Promise<BatchEntity[]> {
    return ids.length ? this.batchRows.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  async view(id: string): Promise<BatchView> {
    const batch = await this.batchRows.findOneByOrFail({ id });
    const institution = (await this.staff.institutionNames([batch.institutionId])).get(batch.institutionId);
    const members = await this.applications.find({ batchId: id }, { order: 'batch-row' });
    const counts = await this.fileCounts(members.map((m) => m.id));
    return {
      id: batch.id,
      planId: batch.planId,
      level: batch.level,
      name: batch.name,
      state: batch.state,
      institution: institution ?? '',
      createdAt: batch.createdAt.toISOString(),
      ...(batch.submittedAt ? { submittedAt: batch.submittedAt.toISOString() } : {}),
      members: members.map((m) => ({
        applicationId: m.id,
        row: m.batchRow ?? 0,
        name: m.applicantName,
        residentIdMasked: m.residentIdMasked,
        phoneMasked: m.phoneCipher ? maskPhone(this.cipher.decrypt(m.phoneCipher)) : '',
        eligibility: m.verdict,
        prereview: m.prereview ?? 'pending',
        ...(m.prereviewNote ? { prereviewNote: m.prereviewNote } : {}),
        state: m.state,
        stateLabel: APPLICATION_STATE_NAMES[m.state],
        files: counts.get(m.id) ?? {},
        claimed: m.userId !== null,
      })),
    };
  }
}

function clerkOf(actor: StaffActor): { kind: 'institution'; id: string } {
  return { kind: 'institution', id: actor.staffId };
}
