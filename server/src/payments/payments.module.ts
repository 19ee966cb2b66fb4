import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PaymentEntity } from './payment.entity';
import { ApplicationsModule } from '../applications/applications.module';
import { IdentityModule } from '../identity/identity.module';
import { SessionsModule } from '../sessions/sessions.module';
import { PaymentsController } from './payments.controller';
import { PaymentReconciler } from './payment-reconciler';
import { BatchPaymentsService } from './batch-payments.service';
import { PaymentsService } from './payments.service';

@Module({
  imports: [TypeOrmModule.forFeature([PaymentEntity]), IdentityModule, ApplicationsModule, SessionsModule],
  controllers: [PaymentsController],
  providers: [PaymentsService, BatchPaymentsService, PaymentReconciler],
  exports: [PaymentsService, BatchPaymentsService],
})
export class PaymentsModule {}
