import { Logger, type OnApplicationBootstrap, type OnModuleDestroy, type Provider, type Type } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
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
  private namedLogger?: Logger;

  /** Named once the job is built: a job made by `periodicJob` learns its name in its constructor. */
  protected get logger(): Logger {
    return (this.namedLogger ??= new Logger(this.jobName()));
  }

  /** What the logs call it. */
  protected jobName(): string {
    return this.constructor.name;
  }

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
      if (isPoolSaturated(error)) this.logger.warn({ event: 'periodic-job-deferred', job: this.jobName(), reason: 'database busy' });
      else this.logger.error(`${this.jobName()} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}

/** A round that is one call to one service, every so many seconds of the configuration. */
interface Round<S> {
  name: string;
  service: Type<S>;
  everySeconds: (config: AppConfig) => number;
  round: (service: S, logger: Logger) => Promise<unknown>;
}

class TimedRound<S> extends PeriodicJob {
  constructor(
    private readonly job: Round<S>,
    private readonly config: AppConfig,
    private readonly service: S,
  ) {
    super();
  }

  protected override jobName(): string {
    return this.job.name;
  }

  protected intervalSeconds(): number {
    return this.job.everySeconds(this.config);
  }

  protected async round(): Promise<void> {
    await this.job.round(this.service, this.logger);
  }
}

/** The provider of a job whose round is one service call: `periodicJob({ name, service, everySeconds, round })` in a module's providers. */
export function periodicJob<S>(job: Round<S>): Provider {
  return {
    provide: `periodic-job:${job.name}`,
    inject: [APP_CONFIG, job.service],
    useFactory: (config: AppConfig, service: S) => new TimedRound(job, config, service),
  };
}
