import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { IdentityModule } from '../identity/identity.module';
import { SessionsModule } from '../sessions/sessions.module';
import { VisitsModule } from '../visits/visits.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

@Module({
  imports: [IdentityModule, ApplicationsModule, SessionsModule, VisitsModule, NotificationsModule],
  controllers: [ReviewController],
  providers: [ReviewService],
})
export class ReviewModule {}
