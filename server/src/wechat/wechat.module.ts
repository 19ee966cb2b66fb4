import { Global, Module } from '@nestjs/common';
import { DemoWechatProvider } from './demo-wechat.provider';
import { FakeWechatGateway } from './fake-wechat.gateway';
import { WechatClient } from './wechat.client';

@Global()
@Module({ providers: [WechatClient, FakeWechatGateway, DemoWechatProvider], exports: [WechatClient, FakeWechatGateway] })
export class WechatModule {}
