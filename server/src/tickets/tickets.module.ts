import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { ApplicationsModule } from '../applications/applications.module';
import { IdentityModule } from '../identity/identity.module';
import { TicketDocuments } from './ticket-documents';
import { TicketPdfRenderer } from './ticket-pdf-renderer';
import { TicketsController } from './tickets.controller';

/** Admission tickets (准考证): their numbers, the candidate's and the class's documents, the PDFs drawn off the event loop. */
@Module({
  imports: [IdentityModule, ApplicationsModule, SessionsModule],
  controllers: [TicketsController],
  providers: [TicketDocuments, TicketPdfRenderer],
  exports: [TicketDocuments, TicketPdfRenderer],
})
export class TicketsModule {}
