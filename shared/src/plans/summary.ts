import { feeFor, offeredLevels } from './index';
import type { Plan } from './types';

import type { PlanSummary } from '../contract/views';

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
