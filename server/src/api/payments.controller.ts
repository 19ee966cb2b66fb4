import { Endpoint } from './endpoint';
import { Body, Controller, Param, Req, Res } from '@nestjs/common';
import { DomainError, messageOf } from '@skillcert/shared';
import type { Request, Response } from 'express';
import type { CandidateActor, StaffActor } from '../access';
import { Allow, CurrentCandidate, CurrentStaff } from '../auth';
import type { NotificationHeaders } from '../wechat/wechatpay.client';
import { BatchPaymentsService, PaymentsService } from '../payments';
import { ApplicationViews } from './application-views';

@Controller()
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly batchPayments: BatchPaymentsService,
    private readonly views: ApplicationViews,
  ) {}

  @Endpoint('payByWechat')
  @Allow('candidate')
  payByWechat(@CurrentCandidate() actor: CandidateActor, @Param() { id }: { id: string }) {
    return this.payments.payByWechat(actor, id);
  }

  /** requestPayment returned: the server asks WeChat now, and says paid only on WeChat's word. */
  @Endpoint('checkWechatPayment')
  @Allow('candidate')
  async checkWechat(@CurrentCandidate() actor: CandidateActor, @Param() { id }: { id: string }) {
    await this.payments.checkWechat(actor, id);
    return this.views.viewOf(id);
  }

  /** What the class owes now, and the school's open order with its code to scan. */
  @Endpoint('batchPayment')
  @Allow('institution')
  batchPayment(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.batchPayments.view(actor, id);
  }

  /** One WeChat Pay order for the whole class's fees. */
  @Endpoint('orderBatchPayment')
  @Allow('institution')
  orderForBatch(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.batchPayments.order(actor, id);
  }

  /** The body's admin cancels an application; paid fees go back through WeChat Pay. */
  @Endpoint('cancelByBody')
  @Allow('admin')
  async cancel(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Body() { reason }: { reason: string }) {
    await this.payments.cancelByBody(actor, id, reason);
    return this.views.viewOf(id);
  }

  /**
   * WeChat Pay calls this; only its signature over the exact bytes opens it.
   * Answers in WeChat's own shape: 204 when taken, 401 {code:'FAIL'} when not believed.
   */
  @Endpoint('wechatPayNotify')
  notify(@Req() req: Request & { rawBody?: Buffer }, @Res() res: Response): Promise<void> {
    return answerWechat(req, res, (headers, body) => this.payments.onWechatNotification(headers, body));
  }

  /** WeChat Pay's refund outcome, behind the same signature check. */
  @Endpoint('wechatRefundNotify')
  refundNotify(@Req() req: Request & { rawBody?: Buffer }, @Res() res: Response): Promise<void> {
    return answerWechat(req, res, (headers, body) => this.payments.onRefundNotification(headers, body));
  }
}

async function answerWechat(
  req: Request & { rawBody?: Buffer },
  res: Response,
  handle: (headers: NotificationHeaders, body: string) => Promise<unknown>,
): Promise<void> {
  const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
  try {
    await handle(
      {
        timestamp: header('wechatpay-timestamp'),
        nonce: header('wechatpay-nonce'),
        serial: header('wechatpay-serial'),
        signature: header('wechatpay-signature'),
      },
      req.rawBody?.toString('utf8') ?? '',
    );
    res.status(204).end();
  } catch (error) {
    const refused = error instanceof DomainError && error.code === 'PAYMENT_NOTIFICATION_INVALID';
    res.status(refused ? 401 : 500).json({ code: 'FAIL', message: refused ? messageOf(error) : '处理失败，请重试' });
  }
}
