import { Body, Controller, Param } from '@nestjs/common';
import { ApplicationViews, Endpoint } from '../api';
import type { CandidateActor, StaffActor } from '../access';
import { Allow, CurrentCandidate, CurrentStaff } from '../auth';
import { BatchPaymentsService, PaymentsService } from '../payments';
import { FakeWechatGateway } from './fake-wechat.gateway';

/**
 * What WeChat does on a phone, done for the H5 demo and the tests by the bundled fake WeChat: the
 * codes of wx.login and the phone-number button, and the person who pays. Each then goes through the
 * real path — signing in with the code, WeChat Pay's signed notification. Not loaded in production.
 */
@Controller()
export class DemoController {
  constructor(
    private readonly fake: FakeWechatGateway,
    private readonly payments: PaymentsService,
    private readonly batchPayments: BatchPaymentsService,
    private readonly views: ApplicationViews,
  ) {}

  @Endpoint('demoLoginCode')
  loginCode(@Body() { persona }: { persona?: string }) {
    return this.fake.loginCode(persona ?? 'demo');
  }

  @Endpoint('demoPhoneCode')
  @Allow('candidate')
  phoneCode(@Body() { phone }: { phone: string }) {
    return this.fake.phoneCode(phone);
  }

  @Endpoint('demoCompletePayment')
  @Allow('candidate')
  async pay(@CurrentCandidate() actor: CandidateActor, @Param() { id }: { id: string }) {
    await this.fake.completePayment(await this.payments.pendingWechatOrder(actor, id));
    return this.views.viewOf(id);
  }

  /** Someone scans the school's code and pays. */
  @Endpoint('demoCompleteBatchPayment')
  @Allow('institution')
  async payForClass(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    await this.fake.completePayment(await this.batchPayments.pendingOrder(actor, id));
    return this.batchPayments.view(actor, id);
  }
}
