import { periodicJob } from '../common/periodic-job';
import { TicketDocuments } from './ticket-documents';

/**
 * Draws tickets ahead of their release: every round, the seats whose tickets open by tomorrow and
 * whose kept PDF is missing or no longer fits (a site changed, a seat paid since). At 00:00 of the
 * release day every seated candidate opens the ticket at once: they are served kept bytes.
 */
export const TicketPrinter = periodicJob({
  name: 'TicketPrinter',
  service: TicketDocuments,
  everySeconds: (config) => config.ticketPrintSeconds,
  round: (tickets) => tickets.printAhead(),
});
