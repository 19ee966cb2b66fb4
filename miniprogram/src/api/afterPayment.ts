import type { CollectionRequest } from '@skillcert/shared';
import { api, candidateTarget } from './client';
import { downloadAsCandidate } from './files';

/** What follows payment — the ticket, make-up, the certificate — used by the application page's subpackage only, so the main package stays small. */
export const afterPaymentApi = {
  ticket: (applicationId: string) => api('ticket', { params: { id: applicationId } }),
  ticketPdf: (applicationId: string, ticketNo: string) => downloadAsCandidate(candidateTarget('ticketPdf', { id: applicationId }), `准考证-${ticketNo}.pdf`),
  makeup: (applicationId: string) => api('applyMakeup', { params: { id: applicationId } }),
  collection: (applicationId: string, request: CollectionRequest) => api('chooseCollection', { params: { id: applicationId }, body: request }),
};
