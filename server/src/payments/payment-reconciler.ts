import { periodicJob } from '../common/periodic-job';
import { PaymentsService } from './payments.service';

/** Asks WeChat Pay about pending orders on a timer, so a lost notification never loses a payment. */
export const PaymentReconciler = periodicJob({
  name: 'PaymentReconciler',
  service: PaymentsService,
  everySeconds: (config) => config.paymentCheckSeconds,
  round: (payments) => payments.reconcilePending(),
});
