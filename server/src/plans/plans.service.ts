import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  acceptancePointStatus,
  applicationWindow,
  DomainError,
  evaluateEligibility,
  listPlans,
  shanghaiDate,
  summarizePlan,
  type EligibilityRequest,
  type EligibilityResponse,
  type Plan,
  type PlanDetail,
  type PlanSummary,
  type WindowQuery,
  type WindowResponse,
} from '@skillcert/shared';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { EvaluationBodyEntity } from './evaluation-body.entity';
import { PlanEntity } from './plan.entity';

@Injectable()
export class PlansService implements OnModuleInit {
  private readonly logger = new Logger(PlansService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Keeps the plans table in step with the rule packs shipped in @skillcert/shared: idempotent, one transaction. */
  async onModuleInit(): Promise<void> {
    const now = this.clock.now();
    let changed = 0;
    await this.db.transaction(async (manager) => {
      for (const plan of listPlans()) {
        await manager.save(EvaluationBodyEntity, { ...plan.body, updatedAt: now });
        const packHash = createHash('sha256').update(JSON.stringify(plan)).digest('hex');
        const existing = await manager.findOneBy(PlanEntity, { id: plan.id });
        if (existing?.packHash === packHash) continue;
        await manager.save(PlanEntity, {
          id: plan.id,
          bodyId: plan.body.id,
          title: plan.title,
          year: plan.year,
          occupationCode: plan.occupation.code,
          pack: plan,
          packHash,
          updatedAt: now,
        });
        changed++;
      }
    });
    this.logger.log(`rule packs in step with the database (${changed} updated)`);
  }

  async list(): Promise<PlanSummary[]> {
    const rows = await this.db.getRepository(PlanEntity).find({ order: { year: 'DESC', id: 'ASC' } });
    return rows.map((r) => summarizePlan(r.pack));
  }

  async detail(id: string): Promise<PlanDetail> {
    const plan = await this.load(id);
    const point = acceptancePointStatus(plan.id, this.clock.now());
    return { ...summarizePlan(plan), plan, ...(point ? { acceptancePoint: point } : {}) };
  }

  async eligibility(id: string, request: EligibilityRequest): Promise<EligibilityResponse> {
    const plan = await this.load(id);
    const on = request.on ?? shanghaiDate(this.clock.now());
    return { ...evaluateEligibility(plan.id, request.level, request.facts, on), on };
  }

  async window(id: string, query: WindowQuery): Promise<WindowResponse> {
    const plan = await this.load(id);
    const on = query.on ?? shanghaiDate(this.clock.now());
    return { ...applicationWindow(plan.id, query.level, on), on };
  }

  private async load(id: string): Promise<Plan> {
    const row = await this.db.getRepository(PlanEntity).findOneBy({ id });
    if (!row) throw new DomainError('PLAN_NOT_FOUND');
    return row.pack;
  }
}
