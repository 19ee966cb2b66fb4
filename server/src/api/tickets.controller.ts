import { Endpoint } from './endpoint';
import { Controller, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { CandidateActor, StaffActor } from '../access';
import { Allow, CurrentCandidate, CurrentStaff } from '../auth';
import { TicketDocuments } from '../tickets';

@Controller()
export class TicketsController {
  constructor(private readonly tickets: TicketDocuments) {}

  /** The admission ticket, from the day it opens (before: TICKET_NOT_YET with that day). */
  @Endpoint('ticket')
  @Allow('candidate')
  ticket(@CurrentCandidate() actor: CandidateActor, @Param() { id }: { id: string }) {
    return this.tickets.forCandidate(actor, id);
  }

  @Endpoint('ticketPdf')
  @Allow('candidate')
  async ticketPdf(@CurrentCandidate() actor: CandidateActor, @Param() { id }: { id: string }, @Res() response: Response) {
    sendPdf(response, await this.tickets.pdfForCandidate(actor, id));
  }

  /** A school's class's tickets, one page each, to print — from the moment they open. */
  @Endpoint('batchTicketsPdf')
  @Allow('institution')
  async batchTickets(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Res() response: Response) {
    sendPdf(response, await this.tickets.batchPdf(actor, id));
  }
}

function sendPdf(response: Response, { filename, content }: { filename: string; content: Buffer }): void {
  response
    .status(200)
    .set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="ticket.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'private, no-store',
    })
    .send(content);
}
