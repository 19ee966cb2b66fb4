export { SubscriptionsModule } from './subscriptions.module';
export { SUBSCRIPTIONS_ACCEPTED, SubscriptionsService } from './subscriptions.service';
