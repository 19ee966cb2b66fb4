import type { ApplicationView, CertificateView, CollectionRequest, TicketView } from '@skillcert/shared';
import { api } from './client';
import { downloadAsCandidate } from './files';

const id = encodeURIComponent;

/** What follows payment — the ticket, make-up, the certificate — used by the application page's subpackage only, so the main package stays small. */
export const afterPaymentApi = {
  ticket: (applicationId: string) => api<TicketView>('GET', `/api/applications/${id(applicationId)}/ticket`),
  ticketPdf: (applicationId: string, ticketNo: string) => downloadAsCandidate(`/api/applications/${id(applicationId)}/ticket.pdf`, `准考证-${ticketNo}.pdf`),
  makeup: (applicationId: string) => api<ApplicationView>('POST', `/api/applications/${id(applicationId)}/makeup`),
  collection: (applicationId: string, request: CollectionRequest) =>
    api<CertificateView>('PUT', `/api/applications/${id(applicationId)}/certificate/collection`, request),
};
