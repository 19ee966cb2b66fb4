import { Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MisconductRecordEntity } from './misconduct-record.entity';
import { ApplicationsModule } from '../applications';
import { IdentityModule } from '../identity';
import { SessionsModule } from '../sessions';
import { CertificatesModule } from '../certificates';
import { PaymentsModule } from '../payments';
import { MisconductService } from './misconduct.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([MisconductRecordEntity]),
    StaffModule,
    IdentityModule,
    ApplicationsModule,
    SessionsModule,
    CertificatesModule,
    PaymentsModule,
  ],
  providers: [MisconductService],
  exports: [MisconductService],
})
export class MisconductModule {}
