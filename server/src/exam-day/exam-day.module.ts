import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ExamDayController } from './exam-day.controller';
import { ExamDayService } from './exam-day.service';

@Module({ imports: [IdentityModule, ApplicationsModule, FilesModule, NotificationsModule], controllers: [ExamDayController], providers: [ExamDayService] })
export class ExamDayModule {}
