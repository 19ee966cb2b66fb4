import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { FakeWechatServer } from './fake-wechat.server';
import { WechatClient } from '../wechat/wechat.client';
import { WechatPayClient } from '../wechat/wechatpay.client';

/**
 * With no WeChat configured, the demo and the tests run the bundled fake WeChat
 * on loopback and point the client at it. Production always names WeChat
 * (configuration refuses to start otherwise), and the demo module is not loaded there.
 */
@Injectable()
export class DemoWechatProvider implements OnModuleInit, OnModuleDestroy {
  private fake?: FakeWechatServer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly client: WechatClient,
    private readonly pay: WechatPayClient,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.wechat.apiBase) return;
    this.fake = new FakeWechatServer({ appId: this.config.wechat.appId, secret: this.config.wechat.secret, now: () => this.clock.now().getTime() });
    this.client.useApiBase(await this.fake.start());
    if (!this.config.wechatPay.credentials) this.pay.use(this.fake.url, this.fake.pay.credentials);
    new Logger('WeChat').warn(`no WECHAT_API_BASE: using the bundled fake WeChat at ${this.fake.url} (demo only)`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.fake?.stop();
  }
}
