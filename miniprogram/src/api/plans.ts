import type { ApplicationWindow, EligibilityRequest, EligibilityResult, Level, Plan } from '@skillcert/shared';
import { api } from './client';

export interface PlanSummary {
  id: string;
  title: string;
  year: number;
  body: Plan['body'];
  occupation: Plan['occupation'];
  levels: { level: Level; name: string; title?: string; feeFen: number }[];
}

export interface PlanDetail extends PlanSummary {
  plan: Plan;
  acceptancePoint?: { open: boolean; label: string; verified: boolean };
}

export const plansApi = {
  list: () => api<PlanSummary[]>('GET', '/api/plans'),
  detail: (id: string) => api<PlanDetail>('GET', `/api/plans/${encodeURIComponent(id)}`),
  window: (id: string, level: Level) => api<ApplicationWindow & { on: string }>('GET', `/api/plans/${encodeURIComponent(id)}/window?level=${level}`),
  eligibility: (id: string, request: EligibilityRequest) =>
    api<EligibilityResult & { on: string }>('POST', `/api/plans/${encodeURIComponent(id)}/eligibility`, request),
};
