import { Inject, Injectable } from '@nestjs/common';
import { listPlans } from '@skillcert/shared';
import { PeriodicJob } from '../common/periodic-job';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SeatAllocator } from './seat-allocator';
import { SeatsService } from './seats.service';

/** Gives back seats whose payment deadline has passed, then seats the waiting lists. */
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

  protected async round(): Promise<void> {
    const released = await this.seats.releaseExpired();
    if (released > 0) {
      this.logger.log({ event: 'seats-released', count: released });
      for (const plan of listPlans()) await this.allocator.promoteWaiting(plan.id);
    }
  }
}
