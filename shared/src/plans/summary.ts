import type { IsoDate } from '../dates';
import type { ApplicationWindow } from '../rules/schedule';
import type { EligibilityResult } from '../rules/eligibility';
import type { Level } from '../types';
import { feeFor, offeredLevels } from './index';
import type { Plan } from './types';

/** Response shapes of the plans API, shared so the app reads exactly what the server writes. */
export interface PlanSummary {
  id: string;
  title: string;
  year: number;
  body: Plan['body'];
  occupation: Plan['occupation'];
  /** Offered levels only, with the full fee in fen. */
  levels: { level: Level; name: string; title?: string; feeFen: number }[];
}

export interface PlanDetail extends PlanSummary {
  plan: Plan;
  /** Whether the acceptance point is open, on the server's clock; absent when the plan has none. */
  acceptancePoint?: { open: boolean; label: string; verified: boolean };
}

/** Results are dated: `on` is the Shanghai date the rule was evaluated for. */
export type EligibilityResponse = EligibilityResult & { on: IsoDate };
export type WindowResponse = ApplicationWindow & { on: IsoDate };

export function summarizePlan(plan: Plan): PlanSummary {
  const offered = new Set(offeredLevels(plan));
  return {
    id: plan.id,
    title: plan.title,
    year: plan.year,
    body: plan.body,
    occupation: plan.occupation,
    levels: plan.levels
      .filter((l) => offered.has(l.level))
      .map((l) => ({ level: l.level, name: l.name, ...(l.title ? { title: l.title } : {}), feeFen: feeFor(plan.id, l.level) })),
  };
}
