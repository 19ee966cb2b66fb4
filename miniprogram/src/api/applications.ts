import type { ApplicationRequest, ResubmitRequest } from '@skillcert/shared';
import { api } from './client';

export const applicationsApi = {
  apply: (request: ApplicationRequest) => api('apply', { body: request }),
  mine: () => api('myApplications'),
  /** A running ban, asked at the entrance of the form. */
  standing: () => api('standing'),
  one: (id: string) => api('application', { params: { id } }),
  resubmit: (id: string, request: ResubmitRequest) => api('resubmit', { params: { id }, body: request }),
  claim: () => api('claimApplications'),
  noteTransfer: (id: string, payer: string) => api('noteTransfer', { params: { id }, body: { payer } }),
  withdraw: (id: string) => api('withdraw', { params: { id } }),
};
