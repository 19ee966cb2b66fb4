import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { isPoolSaturated } from '../database/unit-of-work';

/**
 * A job the server runs on a timer (seat sweep, payment check): never two rounds
 * at once, a failed round logged and retried next time, off when the interval is 0
 * (tests call the work themselves). Safe with several server processes as long
 * as each round re-checks its rows inside its own transactions.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running = false;
  protected readonly logger = new Logger(this.constructor.name);

  protected abstract intervalSeconds(): number;
  protected abstract round(): Promise<void>;

  onApplicationBootstrap(): void {
    const seconds = this.intervalSeconds();
    if (seconds === 0) return;
    this.timer = setInterval(() => void this.tick(), seconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.round();
    } catch (error) {
      // A crowd has the database's queue full (a release minute): the next round does the work; nothing is wrong.
      if (isPoolSaturated(error)) this.logger.warn({ event: 'periodic-job-deferred', job: this.constructor.name, reason: 'database busy' });
      else this.logger.error(`${this.constructor.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
