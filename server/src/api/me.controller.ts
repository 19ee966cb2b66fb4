import { Endpoint } from './endpoint';
import { Body, Controller } from '@nestjs/common';
import { type ProfileRequest } from '@skillcert/shared';
import type { CandidateActor } from '../access';
import { Allow, CurrentCandidate } from '../auth';
import { IdentityService } from '../identity';

@Controller()
@Allow('candidate')
export class MeController {
  constructor(private readonly identity: IdentityService) {}

  @Endpoint('me')
  me(@CurrentCandidate() actor: CandidateActor) {
    // The guard read the profile with the session: nothing more to ask the database.
    return this.identity.describe(actor.userId, actor.profile);
  }

  @Endpoint('saveProfile')
  saveProfile(@CurrentCandidate() actor: CandidateActor, @Body() body: ProfileRequest) {
    return this.identity.saveProfile(actor.userId, body);
  }

  @Endpoint('savePhone')
  savePhone(@CurrentCandidate() actor: CandidateActor, @Body() { code }: { code: string }) {
    return this.identity.savePhone(actor.userId, code);
  }
}
