import type { EligibilityRequest, EligibilityResponse, Level, PlanDetail, PlanSummary, WindowResponse } from '@skillcert/shared';
import { api } from './client';

export const plansApi = {
  list: () => api<PlanSummary[]>('GET', '/api/plans'),
  detail: (id: string) => api<PlanDetail>('GET', `/api/plans/${encodeURIComponent(id)}`),
  window: (id: string, level: Level) => api<WindowResponse>('GET', `/api/plans/${encodeURIComponent(id)}/window?level=${level}`),
  eligibility: (id: string, request: EligibilityRequest) => api<EligibilityResponse>('POST', `/api/plans/${encodeURIComponent(id)}/eligibility`, request),
};
