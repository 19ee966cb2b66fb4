import type { EligibilityRequest, EligibilityResponse, PlanDetail, PlanSummary } from '@skillcert/shared';
import { api } from './client';

export const plansApi = {
  list: () => api<PlanSummary[]>('GET', '/api/plans'),
  detail: (id: string) => api<PlanDetail>('GET', `/api/plans/${encodeURIComponent(id)}`),
  eligibility: (id: string, request: EligibilityRequest) => api<EligibilityResponse>('POST', `/api/plans/${encodeURIComponent(id)}/eligibility`, request),
};
