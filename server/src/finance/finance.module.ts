import { Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { SessionsModule } from '../sessions';
import { BatchesModule } from '../batches';
import { ApplicationsModule } from '../applications';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BankCreditEntity } from './bank-credit.entity';
import { StatementColumnsEntity } from './statement-columns.entity';
import { IdentityModule } from '../identity';
import { PaymentsModule } from '../payments';
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
  providers: [FinanceService],
  exports: [FinanceService],
})
export class FinanceModule {}
