import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions';
import { ApplicationsModule } from '../applications';
import { IdentityModule } from '../identity';
import { FilesModule } from '../files';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketDocumentEntity } from './ticket-document.entity';
import { TicketPrinter } from './ticket-printer';
import { TicketDocuments } from './ticket-documents';
import { TicketPdfRenderer } from './ticket-pdf-renderer';

/** Admission tickets (准考证): their numbers, the candidate's and the class's documents, the PDFs drawn off the event loop, ahead of release, and kept. */
@Module({
  imports: [TypeOrmModule.forFeature([TicketDocumentEntity]), IdentityModule, ApplicationsModule, SessionsModule, FilesModule],
  providers: [TicketDocuments, TicketPdfRenderer, TicketPrinter],
  exports: [TicketDocuments, TicketPdfRenderer],
})
export class TicketsModule {}
