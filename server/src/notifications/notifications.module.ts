import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEntity } from './outbox.entity';
import { IdentityModule } from '../identity';
import { CandidateNotices } from './candidate-notices';
import { Mailer } from './mailer';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox-worker';
import { ScheduledNotices } from './scheduled-notices';
import { TicketsModule } from '../tickets';
import { ApplicationsModule } from '../applications';
import { SubscriptionsModule } from '../subscriptions';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxEntity]), IdentityModule, TicketsModule, SessionsModule, ApplicationsModule, SubscriptionsModule],
  providers: [Mailer, OutboxService, OutboxWorker, ScheduledNotices, CandidateNotices],
  exports: [OutboxService, Mailer, CandidateNotices],
})
export class NotificationsModule {}
