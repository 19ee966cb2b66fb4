import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
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
    StaffModule,
    IdentityModule,
    PaymentsModule,
    ApplicationsModule,
    BatchesModule,
    SessionsModule,
  ],
  controllers: [FinanceController],
  providers: [FinanceService],
})
export class FinanceModule {}
