import type { ApplicationRequest, ApplicationView, CertificateView, CollectionRequest, ResubmitRequest, TicketView } from '@skillcert/shared';
import { api } from './client';
import { downloadAsCandidate } from './files';

export const applicationsApi = {
  apply: (request: ApplicationRequest) => api<ApplicationView>('POST', '/api/applications', request),
  mine: () => api<ApplicationView[]>('GET', '/api/applications'),
  one: (id: string) => api<ApplicationView>('GET', `/api/applications/${encodeURIComponent(id)}`),
  resubmit: (id: string, request: ResubmitRequest) => api<ApplicationView>('PUT', `/api/applications/${encodeURIComponent(id)}`, request),
  claim: (phone: string) => api<ApplicationView[]>('POST', '/api/applications/claim', { phone }),
  ticket: (id: string) => api<TicketView>('GET', `/api/applications/${encodeURIComponent(id)}/ticket`),
  ticketPdf: (id: string, ticketNo: string) => downloadAsCandidate(`/api/applications/${encodeURIComponent(id)}/ticket.pdf`, `准考证-${ticketNo}.pdf`),
  makeup: (id: string) => api<ApplicationView>('POST', `/api/applications/${encodeURIComponent(id)}/makeup`),
  collection: (id: string, request: CollectionRequest) =>
    api<CertificateView>('PUT', `/api/applications/${encodeURIComponent(id)}/certificate/collection`, request),
  withdraw: (id: string) => api<ApplicationView>('POST', `/api/applications/${encodeURIComponent(id)}/withdraw`),
};
