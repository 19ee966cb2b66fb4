import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { ApplicationsModule } from '../applications/applications.module';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ExamDayController } from './exam-day.controller';
import { ExamDayService } from './exam-day.service';

@Module({
  imports: [IdentityModule, ApplicationsModule, FilesModule, TicketsModule, SessionsModule],
  controllers: [ExamDayController],
  providers: [ExamDayService],
})
export class ExamDayModule {}
