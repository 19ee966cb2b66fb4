import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { idParamSchema } from '@skillcert/shared';
import { demoPersonaSchema, demoPhoneSchema } from '@skillcert/shared/contract';
import { ApplicationViews } from '../applications/application-views';
import type { CandidateActor, StaffActor } from '../access/actor';
import { Allow, CurrentCandidate, CurrentStaff } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { BatchPaymentsService } from '../payments/batch-payments.service';
import { PaymentsService } from '../payments/payments.service';
import { FakeWechatGateway } from './fake-wechat.gateway';

/**
 * What WeChat does on a phone, done for the H5 demo and the tests by the bundled fake WeChat: the
 * codes of wx.login and the phone-number button, and the person who pays. Each then goes through the
 * real path — signing in with the code, WeChat Pay's signed notification. Not loaded in production.
 */
@Controller('api')
export class DemoController {
  constructor(
    private readonly fake: FakeWechatGateway,
    private readonly payments: PaymentsService,
    private readonly batchPayments: BatchPaymentsService,
    private readonly views: ApplicationViews,
  ) {}

  @Post('auth/demo-code')
  @HttpCode(200)
  loginCode(@Body(new ZodPipe(demoPersonaSchema)) { persona }: { persona?: string }) {
    return this.fake.loginCode(persona ?? 'demo');
  }

  @Post('me/phone/demo-code')
  @HttpCode(200)
  @Allow('candidate')
  phoneCode(@Body(new ZodPipe(demoPhoneSchema)) { phone }: { phone: string }) {
    return this.fake.phoneCode(phone);
  }

  @Post('applications/:id/payments/wechat/demo-complete')
  @HttpCode(200)
  @Allow('candidate')
  async pay(@CurrentCandidate() actor: CandidateActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    await this.fake.completePayment(await this.payments.pendingWechatOrder(actor, id));
    return this.views.viewOf(id);
  }

  /** Someone scans the school's code and pays. */
  @Post('institution/batches/:id/payments/wechat/demo-complete')
  @HttpCode(200)
  @Allow('institution')
  async payForClass(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    await this.fake.completePayment(await this.batchPayments.pendingOrder(actor, id));
    return this.batchPayments.view(actor, id);
  }
}
