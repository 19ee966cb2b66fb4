import { Controller, Get, Param, Res } from '@nestjs/common';
import { idParamSchema } from '@skillcert/shared';
import type { Response } from 'express';
import type { CandidateActor } from '../auth/actor';
import { Allow, CurrentCandidate } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { TicketDocuments } from './ticket-documents';

@Controller('api/applications/:id')
@Allow('candidate')
export class TicketsController {
  constructor(private readonly tickets: TicketDocuments) {}

  /** The admission ticket, from the day it opens (before: TICKET_NOT_YET with that day). */
  @Get('ticket')
  ticket(@CurrentCandidate() actor: CandidateActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.tickets.forCandidate(actor, id);
  }

  @Get('ticket.pdf')
  async ticketPdf(@CurrentCandidate() actor: CandidateActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }, @Res() response: Response) {
    const { filename, content } = await this.tickets.pdfForCandidate(actor, id);
    response
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="ticket.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        'Cache-Control': 'private, no-store',
      })
      .send(content);
  }
}
