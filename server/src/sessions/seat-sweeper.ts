import { Inject, Injectable } from '@nestjs/common';
import { listPlans } from '@skillcert/shared';
import { PeriodicJob } from '../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SeatAllocator } from './seat-allocator';
import { SeatsService } from './seats.service';

/**
 * Gives back seats whose payment deadline has passed, then seats the waiting
 * lists — every round, not only when a seat was released: a server killed
 * between an approval and its seat leaves an approved candidate waiting beside
 * free seats, and the next round (or the next start) seats them.
 */
@Injectable()
export class SeatSweeper extends PeriodicJob {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly seats: SeatsService,
    private readonly allocator: SeatAllocator,
  ) {
    super();
  }

  protected intervalSeconds(): number {
    return this.config.seatSweepSeconds;
  }

  /** At start-up, before the first request: whatever a crash left waiting is seated (with the timer off too). */
  override async onApplicationBootstrap(): Promise<void> {
    const seated = await this.seatWaiting().catch((error: unknown) => {
      this.logger.error(`start-up seating failed: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    });
    if (seated > 0) this.logger.warn({ event: 'waiting-list-healed', seated, when: 'start-up' });
    super.onApplicationBootstrap();
  }

  protected async round(): Promise<void> {
    const released = await this.seats.releaseExpired();
    if (released > 0) this.logger.log({ event: 'seats-released', count: released });
    const seated = await this.seatWaiting();
    if (seated > 0) this.logger.log({ event: 'waiting-list-seated', seated });
  }

  private async seatWaiting(): Promise<number> {
    let seated = 0;
    for (const plan of listPlans()) seated += await this.allocator.promoteWaiting(plan.id);
    return seated;
  }
}
