import { Endpoint } from './endpoint';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { type BookVisitRequest } from '@skillcert/shared';
import type { CandidateActor } from '../access';
import { Allow, CurrentCandidate } from '../auth';
import { VisitsService } from '../visits';
import { ApplicationViews } from './application-views';

@Controller()
@Allow('candidate')
export class VisitsController {
  constructor(
    private readonly visits: VisitsService,
    private readonly views: ApplicationViews,
  ) {}

  @Endpoint('visitSlots')
  slots(@Query() { planId }: { planId: string }) {
    return this.visits.slots(planId);
  }

  @Endpoint('bookVisit')
  async book(@CurrentCandidate() actor: CandidateActor, @Param() { id }: { id: string }, @Body() body: BookVisitRequest) {
    await this.visits.book(actor, id, body.startsAt);
    return this.views.viewOf(id);
  }

  @Endpoint('cancelVisit')
  async cancel(@CurrentCandidate() actor: CandidateActor, @Param() { id }: { id: string }) {
    await this.visits.cancel(actor, id);
    return this.views.viewOf(id);
  }
}
