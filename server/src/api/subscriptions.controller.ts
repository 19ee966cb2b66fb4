import { Endpoint } from './endpoint';
import { Body, Controller } from '@nestjs/common';
import { type SubscriptionChoices } from '@skillcert/shared';
import type { CandidateActor } from '../access';
import { Allow, CurrentCandidate } from '../auth';
import { SubscriptionsService } from '../subscriptions';

@Controller()
@Allow('candidate')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  /** The templates to ask for, and what the candidate has allowed so far. */
  @Endpoint('subscriptions')
  view(@CurrentCandidate() actor: CandidateActor) {
    return this.subscriptions.view(actor.userId);
  }

  @Endpoint('recordSubscriptions')
  record(@CurrentCandidate() actor: CandidateActor, @Body() body: SubscriptionChoices) {
    return this.subscriptions.record(actor.userId, body);
  }
}
