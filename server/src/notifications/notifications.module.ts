import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { Mailer } from './mailer';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox-worker';
import { TicketDocuments } from './ticket-documents';
import { TicketNotices } from './ticket-notices';
import { TicketsController } from './tickets.controller';

@Module({
  imports: [IdentityModule],
  controllers: [TicketsController],
  providers: [Mailer, OutboxService, OutboxWorker, TicketDocuments, TicketNotices],
  exports: [OutboxService, TicketDocuments, Mailer],
})
export class NotificationsModule {}
