export { BatchPaymentsService } from './batch-payments.service';
export { PaymentsModule } from './payments.module';
export { PaymentsService } from './payments.service';
