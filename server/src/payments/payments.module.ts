import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PaymentEntity } from './payment.entity';
import { ApplicationsModule } from '../applications';
import { IdentityModule } from '../identity';
import { SessionsModule } from '../sessions';
import { PaymentReconciler } from './payment-reconciler';
import { BatchPaymentsService } from './batch-payments.service';
import { PaymentsService } from './payments.service';

@Module({
  imports: [TypeOrmModule.forFeature([PaymentEntity]), IdentityModule, ApplicationsModule, SessionsModule],
  providers: [PaymentsService, BatchPaymentsService, PaymentReconciler],
  exports: [PaymentsService, BatchPaymentsService],
})
export class PaymentsModule {}
