import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TicketDocuments } from './ticket-documents';

/**
 * Draws tickets ahead of their release: every round, the seats whose tickets open by tomorrow and
 * whose kept PDF is missing or no longer fits (a site changed, a seat paid since). At 00:00 of the
 * release day every seated candidate opens the ticket at once: they are served kept bytes.
 */
@Injectable()
export class TicketPrinter extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tickets: TicketDocuments,
  ) {
    super();
  }

  protected intervalSeconds(): number {
    return this.config.ticketPrintSeconds;
  }

  protected async round(): Promise<void> {
    await this.tickets.printAhead();
  }
}
