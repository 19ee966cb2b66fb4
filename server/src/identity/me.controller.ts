import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { phoneCodeSchema, profileRequestSchema, type ProfileRequest } from '@skillcert/shared';
import type { CandidateActor } from '../access/actor';
import { Allow, CurrentCandidate } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { IdentityService } from './identity.service';

@Controller('api/me')
@Allow('candidate')
export class MeController {
  constructor(private readonly identity: IdentityService) {}

  @Get()
  me(@CurrentCandidate() actor: CandidateActor) {
    // The guard read the profile with the session: nothing more to ask the database.
    return this.identity.describe(actor.userId, actor.profile);
  }

  @Put('profile')
  saveProfile(@CurrentCandidate() actor: CandidateActor, @Body(new ZodPipe(profileRequestSchema)) body: ProfileRequest) {
    return this.identity.saveProfile(actor.userId, body);
  }

  @Post('phone')
  @HttpCode(200)
  savePhone(@CurrentCandidate() actor: CandidateActor, @Body(new ZodPipe(phoneCodeSchema)) { code }: { code: string }) {
    return this.identity.savePhone(actor.userId, code);
  }
}
