import type { ApplicationRequest, ApplicationView } from '@skillcert/shared';
import { api } from './client';

export const applicationsApi = {
  apply: (request: ApplicationRequest) => api<ApplicationView>('POST', '/api/applications', request),
  mine: () => api<ApplicationView[]>('GET', '/api/applications'),
  one: (id: string) => api<ApplicationView>('GET', `/api/applications/${encodeURIComponent(id)}`),
  withdraw: (id: string) => api<ApplicationView>('POST', `/api/applications/${encodeURIComponent(id)}/withdraw`),
};
