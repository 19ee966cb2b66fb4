import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PaymentsService } from './payments.service';

/** Asks WeChat Pay about pending orders on a timer, so a lost notification never loses a payment. */
@Injectable()
export class PaymentReconciler extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly payments: PaymentsService,
  ) {
    super();
  }

  protected intervalSeconds(): number {
    return this.config.paymentCheckSeconds;
  }

  protected async round(): Promise<void> {
    await this.payments.reconcilePending();
  }
}
