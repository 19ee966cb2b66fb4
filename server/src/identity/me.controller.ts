import { Body, Controller, Get, HttpCode, Inject, Post, Put } from '@nestjs/common';
import { DomainError, isMainlandMobile, phoneCodeSchema, profileRequestSchema, type ProfileRequest } from '@skillcert/shared';
import type { CandidateActor } from '../auth/actor';
import { Allow, CurrentCandidate } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { FakeWechatGateway } from '../wechat/fake-wechat.gateway';
import { IdentityService } from './identity.service';

@Controller('api/me')
@Allow('candidate')
export class MeController {
  constructor(
    private readonly identity: IdentityService,
    private readonly fake: FakeWechatGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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

  /** Demo and test only: the H5 build has no phone-number button; the fake issues its code. */
  @Post('phone/demo-code')
  @HttpCode(200)
  demoPhoneCode(@Body() body: { phone?: unknown }) {
    if (!this.config.demoMode && this.config.env !== 'test') throw new DomainError('NOT_FOUND');
    if (typeof body?.phone !== 'string' || !isMainlandMobile(body.phone)) throw new DomainError('VALIDATION_FAILED', '请输入11位手机号');
    return this.fake.phoneCode(body.phone);
  }
}
