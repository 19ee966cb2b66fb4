import { Endpoint } from './endpoint';
import { Body, Controller, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError, type WechatLoginRequest } from '@skillcert/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ANYONE_SIGNED_IN, type Actor } from '../access';
import { Allow, Auth, OpenDuringPasswordChange, AuthService } from '../auth';

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Endpoint('signInWithWechat')
  signIn(@Body() { code }: WechatLoginRequest) {
    return this.auth.signInWithWechat(code);
  }

  /**
   * WeChat Cloud Hosting: the call came through wx.cloud.callContainer, and the
   * platform's headers say who made it — no code to exchange. A server not in
   * that mode has no such door: anyone could send the headers.
   */
  @Endpoint('signInInCloud')
  signInInCloud(@Req() request: Request) {
    if (!this.config.wechat.cloudHosting) throw new DomainError('NOT_FOUND');
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' && value.trim() ? value.trim() : undefined;
    };
    const openid = header('x-wx-openid');
    // X-WX-SOURCE is set only on calls that came through WeChat; the app id must be ours.
    if (!openid || !header('x-wx-source') || header('x-wx-appid') !== this.config.wechat.appId) throw new DomainError('WECHAT_LOGIN_FAILED');
    return this.auth.signInAs(openid, header('x-wx-unionid'));
  }

  @Endpoint('refreshSession')
  @Allow(...ANYONE_SIGNED_IN)
  @OpenDuringPasswordChange()
  refresh(@Auth() actor: Actor) {
    return this.auth.refresh(actor);
  }

  @Endpoint('signOut')
  @Allow(...ANYONE_SIGNED_IN)
  @OpenDuringPasswordChange()
  async logout(@Auth() actor: Actor): Promise<void> {
    await this.auth.revoke(actor);
  }
}
