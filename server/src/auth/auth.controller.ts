import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { DomainError, wechatLoginSchema, type WechatLoginRequest } from '@skillcert/shared';
import { ZodPipe } from '../common/zod-pipe';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { FakeWechatGateway } from '../wechat/fake-wechat.gateway';
import { ANYONE_SIGNED_IN, type Actor } from './actor';
import { Allow, Auth, OpenDuringPasswordChange } from './auth.guard';
import { AuthService } from './auth.service';

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly fake: FakeWechatGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('wechat')
  @HttpCode(200)
  signIn(@Body(new ZodPipe(wechatLoginSchema)) { code }: WechatLoginRequest) {
    return this.auth.signInWithWechat(code);
  }

  @Post('refresh')
  @HttpCode(200)
  @Allow(...ANYONE_SIGNED_IN)
  @OpenDuringPasswordChange()
  refresh(@Auth() actor: Actor) {
    return this.auth.refresh(actor);
  }

  @Post('logout')
  @HttpCode(204)
  @Allow(...ANYONE_SIGNED_IN)
  @OpenDuringPasswordChange()
  async logout(@Auth() actor: Actor): Promise<void> {
    await this.auth.revoke(actor);
  }

  /**
   * Demo and test only: the H5 build has no wx.login(), so it asks the bundled
   * fake WeChat for a code — and then signs in through the real path above.
   */
  @Post('demo-code')
  @HttpCode(200)
  demoCode(@Body() body: { persona?: unknown }) {
    if (!this.config.demoMode && this.config.env !== 'test') throw new DomainError('NOT_FOUND');
    const persona = typeof body?.persona === 'string' && /^[\w-]{1,40}$/.test(body.persona) ? body.persona : 'demo';
    return this.fake.loginCode(persona);
  }
}
