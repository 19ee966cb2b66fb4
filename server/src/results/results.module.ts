import { Module } from '@nestjs/common';
import { StaffModule } from '../staff';
import { SessionsModule } from '../sessions';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExamResultEntity } from './exam-result.entity';
import { ApplicationsModule } from '../applications';
import { IdentityModule } from '../identity';
import { CertificatesModule } from '../certificates';
import { NotificationsModule } from '../notifications';
import { ResultsService } from './results.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ExamResultEntity]),
    StaffModule,
    IdentityModule,
    ApplicationsModule,
    NotificationsModule,
    CertificatesModule,
    SessionsModule,
  ],
  providers: [ResultsService],
  exports: [ResultsService],
})
export class ResultsModule {}
