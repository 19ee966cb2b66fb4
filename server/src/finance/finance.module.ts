import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { PaymentsModule } from '../payments/payments.module';
import { FinanceController } from './finance.controller';
import { FinanceService } from './finance.service';

@Module({ imports: [IdentityModule, PaymentsModule], controllers: [FinanceController], providers: [FinanceService] })
export class FinanceModule {}
