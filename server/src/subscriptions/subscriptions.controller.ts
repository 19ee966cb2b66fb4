import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { subscriptionChoicesSchema, type SubscriptionChoices } from '@skillcert/shared';
import type { CandidateActor } from '../access/actor';
import { Allow, CurrentCandidate } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { SubscriptionsService } from './subscriptions.service';

@Controller('api/me/subscriptions')
@Allow('candidate')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  /** The templates to ask for, and what the candidate has allowed so far. */
  @Get()
  view(@CurrentCandidate() actor: CandidateActor) {
    return this.subscriptions.view(actor.userId);
  }

  @Post()
  @HttpCode(200)
  record(@CurrentCandidate() actor: CandidateActor, @Body(new ZodPipe(subscriptionChoicesSchema)) body: SubscriptionChoices) {
    return this.subscriptions.record(actor.userId, body);
  }
}
