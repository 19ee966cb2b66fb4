import type { ApplicationView, VisitSlotView } from '@skillcert/shared';
import { api } from './client';

export const visitsApi = {
  slots: (planId: string) => api<VisitSlotView[]>('GET', `/api/visit-slots?planId=${encodeURIComponent(planId)}`),
  book: (applicationId: string, startsAt: string) => api<ApplicationView>('PUT', `/api/applications/${encodeURIComponent(applicationId)}/visit`, { startsAt }),
  cancel: (applicationId: string) => api<ApplicationView>('DELETE', `/api/applications/${encodeURIComponent(applicationId)}/visit`),
};
