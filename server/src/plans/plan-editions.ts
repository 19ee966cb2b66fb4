import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  calendarYearConfirmed,
  DomainError,
  parts,
  shanghaiDate,
  unquotedTexts,
  type ClonePlanRequest,
  type Plan,
  type StaffPlanSummary,
  type StaffPlanView,
} from '@skillcert/shared';
import type { EntityManager, Repository } from 'typeorm';
import type { StaffActor } from '../access';
import { Clock } from '../common/clock';
import { timeOrderedId } from '../common/time-ordered-id';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { StaffService } from '../staff';
import { PlanChangeEntity } from './plan-change.entity';
import { PlanEntity } from './plan.entity';
import { PlansService } from './plans.service';

/** The years a plan's sessions fall in: their working days must be known before candidates are given dates in them. */
function sessionYears(plan: Plan): number[] {
  if (plan.schedule.kind === 'monthly') return [plan.year];
  return [...new Set(plan.schedule.batches.map((b) => parts(b.assessOn).year))].sort();
}

/**
 * A body's admins keep their plans themselves: next year's cloned from this year's, edited whole as a
 * draft revision (candidates keep seeing the published one), given the notice it quotes, and
 * published — only when every text a person reads is found in that notice and the years its
 * sessions fall in have known working days. Every step is recorded with who took it.
 */
@Injectable()
export class PlanEditions {
  private readonly logger = new Logger(PlanEditions.name);

  constructor(
    @InjectRepository(PlanEntity) private readonly planRows: Repository<PlanEntity>,
    @InjectRepository(PlanChangeEntity) private readonly changes: Repository<PlanChangeEntity>,
    private readonly plans: PlansService,
    private readonly staff: StaffService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(actor: StaffActor): Promise<StaffPlanSummary[]> {
    const rows = await this.planRows.find({ where: { bodyId: actor.bodyId }, order: { year: 'DESC', id: 'ASC' } });
    return rows.map((row) => this.summary(row));
  }

  async one(actor: StaffActor, id: string): Promise<StaffPlanView> {
    return this.view(await this.own(actor, id));
  }

  /** A new draft, a copy of one of the body's plans under a new id; nothing is published. */
  async clone(actor: StaffActor, request: ClonePlanRequest): Promise<StaffPlanView> {
    const from = await this.own(actor, request.from);
    const plan: Plan = { ...(from.draftPack ?? from.pack), id: request.id };
    const now = this.clock.now();
    try {
      await this.uow.run(async (manager) => {
        await manager.insert(PlanEntity, {
          id: plan.id,
          bodyId: from.bodyId,
          title: plan.title,
          year: plan.year,
          occupationCode: plan.occupation.code,
          pack: plan,
          packHash: '',
          revision: 0,
          draftPack: plan,
          noticeText: null,
          publishedAt: null,
          publishedBy: null,
          updatedAt: now,
        });
        await this.record(manager, plan.id, 1, 'cloned', actor);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('PLAN_ID_TAKEN');
      throw error;
    }
    return this.one(actor, plan.id);
  }

  /** The whole plan, as the next revision: what candidates see changes only when it is published. */
  async edit(actor: StaffActor, id: string, plan: Plan): Promise<StaffPlanView> {
    const row = await this.own(actor, id);
    if (plan.id !== id) throw new DomainError('VALIDATION_FAILED', '计划编号不能修改（plan.id）', [{ path: 'plan.id', message: '计划编号不能修改' }]);
    if (plan.body.id !== actor.bodyId)
      throw new DomainError('VALIDATION_FAILED', '只能修改本机构的计划（plan.body.id）', [{ path: 'plan.body.id', message: '只能修改本机构的计划' }]);
    await this.uow.run(async (manager) => {
      await manager.update(
        PlanEntity,
        { id },
        { draftPack: plan, ...(row.revision === 0 ? { pack: plan, title: plan.title, year: plan.year } : {}), updatedAt: this.clock.now() },
      );
      await this.record(manager, id, row.revision + 1, 'edited', actor);
    });
    return this.one(actor, id);
  }

  /** The notice as published, whole: kept as the plan's source. */
  async setNotice(actor: StaffActor, id: string, text: string): Promise<StaffPlanView> {
    const row = await this.own(actor, id);
    await this.uow.run(async (manager) => {
      await manager.update(PlanEntity, { id }, { noticeText: text, updatedAt: this.clock.now() });
      await this.record(manager, id, row.revision + 1, 'notice', actor);
    });
    return this.one(actor, id);
  }

  /**
   * The draft becomes what candidates see, on this instance at once and on every other within
   * CATALOG_REFRESH_SECONDS. Refused, naming what to do, when a text a person reads is not the
   * notice's or a session year's working days are not known.
   */
  async publish(actor: StaffActor, id: string): Promise<StaffPlanView> {
    const row = await this.own(actor, id);
    const plan = row.draftPack;
    if (!plan) throw new DomainError('PLAN_NOTHING_TO_PUBLISH');
    if (!row.noticeText) throw new DomainError('PLAN_NOTICE_MISSING');
    const unquoted = unquotedTexts(plan, row.noticeText);
    if (unquoted.length)
      throw new DomainError(
        'PLAN_TEXT_NOT_IN_NOTICE',
        `以下文字未出自公告原文，请按公告原文修改：“${unquoted[0]!.text}”（${unquoted[0]!.path}）${unquoted.length > 1 ? `等${unquoted.length}处` : ''}`,
        unquoted.map(({ path, text }) => ({ path: `plan.${path}`, message: `未出自公告原文：${text}` })),
      );
    const unknown = sessionYears(plan).filter((year) => !calendarYearConfirmed(year));
    if (unknown.length) throw new DomainError('PLAN_CALENDAR_UNCONFIRMED', `请先在“节假日安排”中录入${unknown.join('、')}年国务院办公厅公布的放假安排，再发布`);
    const revision = row.revision + 1;
    const now = this.clock.now();
    await this.uow.run(async (manager) => {
      await manager.update(
        PlanEntity,
        { id },
        { pack: plan, draftPack: null, revision, title: plan.title, year: plan.year, publishedAt: now, publishedBy: actor.staffId, updatedAt: now },
      );
      await this.record(manager, id, revision, 'published', actor);
    });
    this.logger.log({ event: 'plan-published', planId: id, revision, by: actor.staffId });
    await this.plans.refresh();
    return this.one(actor, id);
  }

  /** A plan of the actor's body; another body's looks exactly like a missing one. */
  private async own(actor: StaffActor, id: string): Promise<PlanEntity> {
    const row = await this.planRows.findOneBy({ id, bodyId: actor.bodyId });
    if (!row) throw new DomainError('PLAN_NOT_FOUND');
    return row;
  }

  private record(manager: EntityManager, planId: string, revision: number, action: PlanChangeEntity['action'], actor: StaffActor): Promise<unknown> {
    const at = this.clock.now();
    return manager.insert(PlanChangeEntity, { id: timeOrderedId(at.getTime()), planId, revision, action, staffId: actor.staffId, at });
  }

  private summary(row: PlanEntity): StaffPlanSummary {
    const plan = row.draftPack ?? row.pack;
    const ended = row.revision > 0 && row.pack.year < parts(shanghaiDate(this.clock.now())).year;
    return {
      id: row.id,
      title: plan.title,
      year: plan.year,
      status: row.revision === 0 ? 'draft' : ended ? 'ended' : 'published',
      revision: row.revision,
      editing: row.draftPack !== null,
    };
  }

  private async view(row: PlanEntity): Promise<StaffPlanView> {
    // Newest first; ids sort in the order the changes were made, even within one instant.
    const changes = await this.changes.find({ where: { planId: row.id }, order: { id: 'DESC' }, take: 50 });
    const names = await this.staff.displayNames(changes.map((c) => c.staffId));
    return {
      ...this.summary(row),
      plan: row.draftPack ?? row.pack,
      ...(row.noticeText ? { notice: row.noticeText } : {}),
      history: changes.map((c) => ({ revision: c.revision, action: c.action, by: names.get(c.staffId) ?? c.staffId, at: c.at.toISOString() })),
    };
  }
}
