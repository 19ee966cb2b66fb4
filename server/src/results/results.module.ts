import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { SessionsModule } from '../sessions/sessions.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExamResultEntity } from './exam-result.entity';
import { ApplicationsModule } from '../applications/applications.module';
import { IdentityModule } from '../identity/identity.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ResultsController } from './results.controller';
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
  controllers: [ResultsController],
  providers: [ResultsService],
  exports: [ResultsService],
})
export class ResultsModule {}
