import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { CandidateNotices } from './candidate-notices';
import { Mailer } from './mailer';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox-worker';
import { TicketDocuments } from './ticket-documents';
import { TicketPdfRenderer } from './ticket-pdf-renderer';
import { ScheduledNotices } from './scheduled-notices';
import { TicketsController } from './tickets.controller';

@Module({
  imports: [IdentityModule],
  controllers: [TicketsController],
  providers: [Mailer, OutboxService, OutboxWorker, TicketDocuments, TicketPdfRenderer, ScheduledNotices, CandidateNotices],
  exports: [OutboxService, TicketDocuments, TicketPdfRenderer, Mailer, CandidateNotices],
})
export class NotificationsModule {}
