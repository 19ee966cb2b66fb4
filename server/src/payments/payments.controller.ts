import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { DomainError, idParamSchema, messageOf, rejectSchema } from '@skillcert/shared';
import type { Request, Response } from 'express';
import type { CandidateActor, StaffActor } from '../access/actor';
import { Allow, CurrentCandidate, CurrentStaff } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import type { NotificationHeaders } from '../wechat/wechatpay.client';
import { BatchPaymentsService } from './batch-payments.service';
import { PaymentsService } from './payments.service';

@Controller('api')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly batchPayments: BatchPaymentsService,
  ) {}

  @Post('applications/:id/payments/wechat')
  @HttpCode(200)
  @Allow('candidate')
  payByWechat(@CurrentCandidate() actor: CandidateActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.payments.payByWechat(actor, id);
  }

  /** requestPayment returned: the server asks WeChat now, and says paid only on WeChat's word. */
  @Post('applications/:id/payments/wechat/check')
  @HttpCode(200)
  @Allow('candidate')
  checkWechat(@CurrentCandidate() actor: CandidateActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.payments.checkWechat(actor, id);
  }

  /** What the class owes now, and the school's open order with its code to scan. */
  @Get('institution/batches/:id/payment')
  @Allow('institution')
  batchPayment(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.batchPayments.view(actor, id);
  }

  /** One WeChat Pay order for the whole class's fees. */
  @Post('institution/batches/:id/payments/wechat')
  @HttpCode(200)
  @Allow('institution')
  orderForBatch(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.batchPayments.order(actor, id);
  }

  /** The body's admin cancels an application; paid fees go back through WeChat Pay. */
  @Post('review/applications/:id/cancel')
  @HttpCode(200)
  @Allow('admin')
  cancel(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(rejectSchema)) { reason }: { reason: string },
  ) {
    return this.payments.cancelByBody(actor, id, reason);
  }

  /**
   * WeChat Pay calls this; only its signature over the exact bytes opens it.
   * Answers in WeChat's own shape: 204 when taken, 401 {code:'FAIL'} when not believed.
   */
  @Post('payments/wechat/notify')
  notify(@Req() req: Request & { rawBody?: Buffer }, @Res() res: Response): Promise<void> {
    return answerWechat(req, res, (headers, body) => this.payments.onWechatNotification(headers, body));
  }

  /** WeChat Pay's refund outcome, behind the same signature check. */
  @Post('payments/wechat/refund-notify')
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
