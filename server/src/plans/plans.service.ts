import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
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
import { Clock } from '../common/clock';
import { NamedLocks } from '../database/named-lock';
import { representJson, type Representation } from '../common/http-cache';
import { EvaluationBodyEntity } from './evaluation-body.entity';
import { PlanEntity } from './plan.entity';

@Injectable()
export class PlansService implements OnModuleInit {
  private readonly logger = new Logger(PlansService.name);
  /** The packs in memory, as shipped; the database copy is for foreign keys and for reading the data without the code. */
  private readonly plans = new Map(listPlans().map((plan) => [plan.id, plan]));
  private readonly catalog = representJson(
    JSON.stringify([...this.plans.values()].sort((a, b) => b.year - a.year || a.id.localeCompare(b.id)).map((plan): PlanSummary => summarizePlan(plan))),
  );
  private readonly details = new Map<string, { pointJson: string; representation: Representation }>();

  constructor(
    private readonly locks: NamedLocks,
    private readonly clock: Clock,
  ) {}

  /** Keeps the plans table in step with the rule packs shipped in @skillcert/shared: idempotent, one transaction. */
  async onModuleInit(): Promise<void> {
    const now = this.clock.now();
    let changed = 0;
    // Two instances starting together would both insert a new plan: one at a time, the second finds it in step.
    await this.locks.run('skillcert:rule-packs', (locked) =>
      locked.transaction(async (manager) => {
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
      }),
    );
    this.logger.log(`rule packs in step with the database (${changed} updated)`);
  }

  /** The catalog, newest year first, serialised once: the packs ship with the code and never change while it runs. */
  list(): Representation {
    return this.catalog;
  }

  /**
   * A plan with its acceptance point's status now. The pack part is serialised
   * once; the whole answer is prepared again only when the status changes
   * (a few times a day), so the usual request serialises nothing.
   */
  detail(id: string): Representation {
    const plan = this.load(id);
    const point = acceptancePointStatus(plan.id, this.clock.now());
    const pointJson = point ? JSON.stringify(point) : '';
    const cached = this.details.get(plan.id);
    if (cached?.pointJson === pointJson) return cached.representation;
    const head = JSON.stringify({ ...summarizePlan(plan), plan } satisfies Omit<PlanDetail, 'acceptancePoint'>);
    const representation = representJson(pointJson ? `${head.slice(0, -1)},"acceptancePoint":${pointJson}}` : head);
    this.details.set(plan.id, { pointJson, representation });
    return representation;
  }

  eligibility(id: string, request: EligibilityRequest): EligibilityResponse {
    const plan = this.load(id);
    const on = request.on ?? shanghaiDate(this.clock.now());
    return { ...evaluateEligibility(plan.id, request.level, request.facts, on), on };
  }

  window(id: string, query: WindowQuery): WindowResponse {
    const plan = this.load(id);
    const on = query.on ?? shanghaiDate(this.clock.now());
    return { ...applicationWindow(plan.id, query.level, on), on };
  }

  private load(id: string): Plan {
    const plan = this.plans.get(id);
    if (!plan) throw new DomainError('PLAN_NOT_FOUND');
    return plan;
  }
}
