import { periodicJob } from '../common/periodic-job';
import { OutboxService } from './outbox.service';

/** Sends what the outbox holds, on a timer; every server process runs one (they share the work through row locks). */
export const OutboxWorker = periodicJob({
  name: 'OutboxWorker',
  service: OutboxService,
  everySeconds: (config) => config.outboxSeconds,
  round: (outbox) => outbox.drain(),
});
