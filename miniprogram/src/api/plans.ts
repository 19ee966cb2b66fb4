import type { PlanDetail, PlanSummary } from '@skillcert/shared';
import { api } from './client';

export const plansApi = {
  list: () => api<PlanSummary[]>('GET', '/api/plans'),
  detail: (id: string) => api<PlanDetail>('GET', `/api/plans/${encodeURIComponent(id)}`),
};
