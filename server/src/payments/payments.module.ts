import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { IdentityModule } from '../identity/identity.module';
import { SessionsModule } from '../sessions/sessions.module';
import { PaymentsController } from './payments.controller';
import { PaymentReconciler } from './payment-reconciler';
import { PaymentsService } from './payments.service';

@Module({
  imports: [IdentityModule, ApplicationsModule, SessionsModule],
  controllers: [PaymentsController],
  providers: [PaymentsService, PaymentReconciler],
  exports: [PaymentsService],
})
export class PaymentsModule {}
