import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications';
import { IdentityModule } from '../identity';
import { SessionsModule } from '../sessions';
import { VisitsModule } from '../visits';
import { NotificationsModule } from '../notifications';
import { ReviewService } from './review.service';

@Module({
  imports: [IdentityModule, ApplicationsModule, SessionsModule, VisitsModule, NotificationsModule],
  providers: [ReviewService],
  exports: [ReviewService],
})
export class ReviewModule {}
