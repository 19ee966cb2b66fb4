import { Controller, Get, Param, Res } from '@nestjs/common';
import { idParamSchema } from '@skillcert/shared';
import type { Response } from 'express';
import type { CandidateActor, StaffActor } from '../access/actor';
import { Allow, CurrentCandidate, CurrentStaff } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { TicketDocuments } from './ticket-documents';

@Controller('api')
export class TicketsController {
  constructor(private readonly tickets: TicketDocuments) {}

  /** The admission ticket, from the day it opens (before: TICKET_NOT_YET with that day). */
  @Get('applications/:id/ticket')
  @Allow('candidate')
  ticket(@CurrentCandidate() actor: CandidateActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.tickets.forCandidate(actor, id);
  }

  @Get('applications/:id/ticket.pdf')
  @Allow('candidate')
  async ticketPdf(@CurrentCandidate() actor: CandidateActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }, @Res() response: Response) {
    sendPdf(response, await this.tickets.pdfForCandidate(actor, id));
  }

  /** A school's class's tickets, one page each, to print — from the moment they open. */
  @Get('institution/batches/:id/tickets.pdf')
  @Allow('institution')
  async batchTickets(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }, @Res() response: Response) {
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
