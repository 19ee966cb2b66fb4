import { Global, Module } from '@nestjs/common';
import { DemoWechatProvider } from './demo-wechat.provider';
import { FakeWechatGateway } from './fake-wechat.gateway';
import { WechatClient } from './wechat.client';
import { WechatPayClient } from './wechatpay.client';

@Global()
@Module({ providers: [WechatClient, WechatPayClient, FakeWechatGateway, DemoWechatProvider], exports: [WechatClient, WechatPayClient, FakeWechatGateway] })
export class WechatModule {}
