import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  acceptancePointStatus,
  applicationWindow,
  DomainError,
  evaluateEligibility,
  BUILT_IN_PLANS,
  setPublishedPlans,
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
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { MoreThan, type Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { NamedLocks } from '../database/named-lock';
import { representJson, type Representation } from '../common/http-cache';
import { EvaluationBodyEntity } from './evaluation-body.entity';
import { PlanEntity } from './plan.entity';

@Injectable()
export class PlansService implements OnModuleInit {
  private readonly logger = new Logger(PlansService.name);
  /** The published plans in memory, as this instance last read them; the catalog and the details are serialised from them once. */
  private plans = new Map<string, Plan>();
  private catalog = representJson('[]');
  private readonly details = new Map<string, { pointJson: string; representation: Representation }>();
  /** What this instance last read (the newest change and how many plans); nothing yet at start-up. */
  private seen?: string;

  constructor(
    private readonly locks: NamedLocks,
    private readonly clock: Clock,
    @InjectRepository(PlanEntity) private readonly planRows: Repository<PlanEntity>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.importBuiltIn();
    await this.refresh();
  }

  /**
   * The published plans, read again when any changed since this instance last looked (one small read
   * when none did), and handed to the shared rules: every instance serves a publication within
   * CATALOG_REFRESH_SECONDS, the one that published it at once.
   */
  async refresh(): Promise<void> {
    // Every publication adds a revision: their sum (with the count of plans) changes whenever what candidates see does.
    const mark = await this.planRows
      .createQueryBuilder('p')
      .select('COUNT(*)', 'plans')
      .addSelect('SUM(p.revision)', 'revisions')
      .getRawOne<{ plans: unknown; revisions: unknown }>()
      .then((row) => `${Number(row?.plans ?? 0)}:${Number(row?.revisions ?? 0)}`);
    if (mark === this.seen) return;
    const published = (await this.planRows.find({ where: { revision: MoreThan(0) } })).map((row) => row.pack);
    setPublishedPlans(published);
    this.plans = new Map(published.map((plan) => [plan.id, plan]));
    this.catalog = representJson(
      JSON.stringify(published.sort((a, b) => b.year - a.year || a.id.localeCompare(b.id)).map((plan): PlanSummary => summarizePlan(plan))),
    );
    this.details.clear();
    this.seen = mark;
  }

  /**
   * The plans shipped with the code, published as revision 1 on a new installation; a shipped plan no
   * admin has touched follows the code when it changes. Idempotent, one transaction.
   */
  private async importBuiltIn(): Promise<void> {
    const now = this.clock.now();
    let changed = 0;
    // Two instances starting together would both insert a new plan: one at a time, the second finds it in step.
    await this.locks.run('skillcert:rule-packs', (locked) =>
      locked.transaction(async (manager) => {
        for (const plan of BUILT_IN_PLANS) {
          await manager.save(EvaluationBodyEntity, { ...plan.body, updatedAt: now });
          const packHash = createHash('sha256').update(JSON.stringify(plan)).digest('hex');
          const existing = await manager.findOneBy(PlanEntity, { id: plan.id });
          if (existing?.packHash === packHash || (existing && (existing.revision !== 1 || existing.publishedBy || existing.draftPack))) continue;
          await manager.save(PlanEntity, {
            id: plan.id,
            bodyId: plan.body.id,
            title: plan.title,
            year: plan.year,
            occupationCode: plan.occupation.code,
            pack: plan,
            packHash,
            revision: 1,
            updatedAt: now,
          });
          changed++;
        }
      }),
    );
    this.logger.log(`rule packs in step with the database (${changed} updated)`);
  }

  /** The catalog, newest year first, serialised once per publication. */
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
