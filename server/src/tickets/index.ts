export { TicketDocuments } from './ticket-documents';
export { TicketsModule } from './tickets.module';
