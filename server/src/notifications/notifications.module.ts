import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEntity } from './outbox.entity';
import { IdentityModule } from '../identity/identity.module';
import { CandidateNotices } from './candidate-notices';
import { Mailer } from './mailer';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox-worker';
import { ScheduledNotices } from './scheduled-notices';
import { TicketsModule } from '../tickets/tickets.module';
import { ApplicationsModule } from '../applications/applications.module';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxEntity]), IdentityModule, TicketsModule, SessionsModule, ApplicationsModule, SubscriptionsModule],
  providers: [Mailer, OutboxService, OutboxWorker, ScheduledNotices, CandidateNotices],
  exports: [OutboxService, Mailer, CandidateNotices],
})
export class NotificationsModule {}
