import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError, wechatLoginSchema, type WechatLoginRequest } from '@skillcert/shared';
import { ZodPipe } from '../common/zod-pipe';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ANYONE_SIGNED_IN, type Actor } from '../access/actor';
import { Allow, Auth, OpenDuringPasswordChange } from './auth.guard';
import { AuthService } from './auth.service';

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('wechat')
  @HttpCode(200)
  signIn(@Body(new ZodPipe(wechatLoginSchema)) { code }: WechatLoginRequest) {
    return this.auth.signInWithWechat(code);
  }

  /**
   * WeChat Cloud Hosting: the call came through wx.cloud.callContainer, and the
   * platform's headers say who made it — no code to exchange. A server not in
   * that mode has no such door: anyone could send the headers.
   */
  @Post('wechat-cloud')
  @HttpCode(200)
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
}
