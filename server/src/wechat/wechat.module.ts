import { Global, Module } from '@nestjs/common';
import { WechatClient } from './wechat.client';
import { WechatPayClient } from './wechatpay.client';

@Global()
@Module({ providers: [WechatClient, WechatPayClient], exports: [WechatClient, WechatPayClient] })
export class WechatModule {}
