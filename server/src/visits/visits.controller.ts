import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { bookVisitSchema, idParamSchema, planQuerySchema, type BookVisitRequest } from '@skillcert/shared';
import type { CandidateActor } from '../access/actor';
import { Allow, CurrentCandidate } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { VisitsService } from './visits.service';

@Controller('api')
@Allow('candidate')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get('visit-slots')
  slots(@Query(new ZodPipe(planQuerySchema)) { planId }: { planId: string }) {
    return this.visits.slots(planId);
  }

  @Put('applications/:id/visit')
  book(
    @CurrentCandidate() actor: CandidateActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(bookVisitSchema)) body: BookVisitRequest,
  ) {
    return this.visits.book(actor, id, body.startsAt);
  }

  @Delete('applications/:id/visit')
  cancel(@CurrentCandidate() actor: CandidateActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.visits.cancel(actor, id);
  }
}
