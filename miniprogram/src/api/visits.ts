import { api } from './client';

export const visitsApi = {
  slots: (planId: string) => api('visitSlots', { query: { planId } }),
  book: (applicationId: string, startsAt: string) => api('bookVisit', { params: { id: applicationId }, body: { startsAt } }),
  cancel: (applicationId: string) => api('cancelVisit', { params: { id: applicationId } }),
};
