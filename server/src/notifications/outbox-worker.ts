import { Inject, Injectable } from '@nestjs/common';
import { PeriodicJob } from '../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { OutboxService } from './outbox.service';

/** Sends what the outbox holds, on a timer; every server process runs one (they share the work through row locks). */
@Injectable()
export class OutboxWorker extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {
    super();
  }

  protected intervalSeconds(): number {
    return this.config.outboxSeconds;
  }

  protected async round(): Promise<void> {
    await this.outbox.drain();
  }
}
