import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MisconductRecordEntity } from './misconduct-record.entity';
import { ApplicationsModule } from '../applications/applications.module';
import { IdentityModule } from '../identity/identity.module';
import { SessionsModule } from '../sessions/sessions.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { PaymentsModule } from '../payments/payments.module';
import { MisconductController } from './misconduct.controller';
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
  controllers: [MisconductController],
  providers: [MisconductService],
})
export class MisconductModule {}
