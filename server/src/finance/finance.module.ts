import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { BatchesModule } from '../batches/batches.module';
import { ApplicationsModule } from '../applications/applications.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BankCreditEntity } from './bank-credit.entity';
import { StatementColumnsEntity } from './statement-columns.entity';
import { IdentityModule } from '../identity/identity.module';
import { PaymentsModule } from '../payments/payments.module';
import { FinanceController } from './finance.controller';
import { FinanceService } from './finance.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([BankCreditEntity, StatementColumnsEntity]),
    IdentityModule,
    PaymentsModule,
    ApplicationsModule,
    BatchesModule,
    SessionsModule,
  ],
  controllers: [FinanceController],
  providers: [FinanceService],
  exports: [TypeOrmModule],
})
export class FinanceModule {}
