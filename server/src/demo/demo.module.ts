import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ApiModule } from '../api';
import type { AppConfig } from '../config/config';
import { IdentityModule } from '../identity';
import { PaymentsModule } from '../payments';
import { SUBSCRIPTIONS_ACCEPTED } from '../subscriptions';
import { DemoController } from './demo.controller';
import { DemoWechatProvider } from './demo-wechat.provider';
import { FakeWechatGateway } from './fake-wechat.gateway';

/**
 * Everything that stands in for a phone's WeChat: the bundled fake WeChat and its wiring, the demo
 * routes, and telling the fake what a user allowed. Loaded in demo and test modes only — in production
 * none of it exists, so no route or branch has to ask which mode it is in.
 */
@Global()
@Module({})
export class DemoModule {
  static enabledFor(config: Pick<AppConfig, 'demoMode' | 'env'>): boolean {
    return config.demoMode || config.env === 'test';
  }

  static register(): DynamicModule {
    return {
      module: DemoModule,
      imports: [IdentityModule, PaymentsModule, ApiModule],
      controllers: [DemoController],
      providers: [
        FakeWechatGateway,
        DemoWechatProvider,
        // Nobody tapped WeChat's own subscribe dialog: tell the fake what the user allowed, as the dialog would tell WeChat.
        {
          provide: SUBSCRIPTIONS_ACCEPTED,
          inject: [FakeWechatGateway],
          useFactory: (fake: FakeWechatGateway) => async (openid: string, templateIds: string[]) => {
            for (const templateId of templateIds) await fake.acceptSubscription(openid, templateId);
          },
        },
      ],
      exports: [SUBSCRIPTIONS_ACCEPTED],
    };
  }
}
