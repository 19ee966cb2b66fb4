import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions';
import { ApplicationsModule } from '../applications';
import { FilesModule } from '../files';
import { IdentityModule } from '../identity';
import { TicketsModule } from '../tickets';
import { ExamDayService } from './exam-day.service';

@Module({
  imports: [IdentityModule, ApplicationsModule, FilesModule, TicketsModule, SessionsModule],
  providers: [ExamDayService],
  exports: [ExamDayService],
})
export class ExamDayModule {}
