import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { ApplicationsModule } from '../applications/applications.module';
import { IdentityModule } from '../identity/identity.module';
import { FilesModule } from '../files/files.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketDocumentEntity } from './ticket-document.entity';
import { TicketPrinter } from './ticket-printer';
import { TicketDocuments } from './ticket-documents';
import { TicketPdfRenderer } from './ticket-pdf-renderer';
import { TicketsController } from './tickets.controller';

/** Admission tickets (准考证): their numbers, the candidate's and the class's documents, the PDFs drawn off the event loop, ahead of release, and kept. */
@Module({
  imports: [TypeOrmModule.forFeature([TicketDocumentEntity]), IdentityModule, ApplicationsModule, SessionsModule, FilesModule],
  controllers: [TicketsController],
  providers: [TicketDocuments, TicketPdfRenderer, TicketPrinter],
  exports: [TicketDocuments, TicketPdfRenderer],
})
export class TicketsModule {}
