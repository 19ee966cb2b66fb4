export { CandidateNotices } from './candidate-notices';
export { Mailer } from './mailer';
export { NotificationsModule } from './notifications.module';
export { OutboxService } from './outbox.service';
export type { NewMessage } from './outbox.service';
