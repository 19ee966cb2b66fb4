import { api } from './client';

export const plansApi = {
  list: () => api('listPlans'),
  detail: (id: string) => api('planDetail', { params: { id } }),
};
