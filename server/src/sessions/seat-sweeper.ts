import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { listPlans } from '@skillcert/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SeatAllocator } from './seat-allocator';
import { SeatsService } from './seats.service';

/**
 * Gives back seats whose payment deadline has passed. Safe with several server
 * instances: each release re-checks its hold inside its own transaction.
 */
@Injectable()
export class SeatSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SeatSweeper.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly seats: SeatsService,
    private readonly allocator: SeatAllocator,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.seatSweepSeconds === 0) return;
    this.timer = setInterval(() => void this.sweep(), this.config.seatSweepSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async sweep(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const released = await this.seats.releaseExpired();
      if (released > 0) {
        this.logger.log({ event: 'seats-released', count: released });
        for (const plan of listPlans()) await this.allocator.promoteWaiting(plan.id);
      }
    } catch (error) {
      this.logger.error(`seat sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
