import type { ApplicantStanding, ApplicationRequest, ApplicationView, ResubmitRequest } from '@skillcert/shared';
import { api } from './client';

export const applicationsApi = {
  apply: (request: ApplicationRequest) => api<ApplicationView>('POST', '/api/applications', request),
  mine: () => api<ApplicationView[]>('GET', '/api/applications'),
  /** A running ban, asked at the entrance of the form. */
  standing: () => api<ApplicantStanding>('GET', '/api/applications/standing'),
  one: (id: string) => api<ApplicationView>('GET', `/api/applications/${encodeURIComponent(id)}`),
  resubmit: (id: string, request: ResubmitRequest) => api<ApplicationView>('PUT', `/api/applications/${encodeURIComponent(id)}`, request),
  claim: () => api<ApplicationView[]>('POST', '/api/applications/claim'),
  noteTransfer: (id: string, payer: string) => api<ApplicationView>('POST', `/api/applications/${encodeURIComponent(id)}/transfer-notice`, { payer }),
  withdraw: (id: string) => api<ApplicationView>('POST', `/api/applications/${encodeURIComponent(id)}/withdraw`),
};
