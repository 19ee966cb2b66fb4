import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { RateLimitStore } from '../common/rate-limiter';
import { APP_CONFIG, type AppConfig } from '../config/config';

@Controller('api/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttleStore: RateLimitStore,
  ) {}

  /**
   * Which kind of database the server is on, and whether it answers (no versions: they only help an
   * attacker): 503 when it does not, so probes take the instance out. Redis, where the throttles are
   * shared, is reported beside it: away, the status is `degraded` but the answer stays 200 — every
   * instance counts its own limits then and still serves, and a 503 would take them all out at once.
   */
  @Get()
  async check(@Res({ passthrough: true }) res: Response) {
    const kind = this.config.database.kind;
    const started = Date.now();
    const [database, redis] = await Promise.all([
      this.db.query('SELECT 1').then(
        () => ({ kind, ok: true, latencyMs: Date.now() - started }),
        () => ({ kind, ok: false }),
      ),
      this.throttleStore.shared(),
    ]);
    if (!database.ok) res.status(503);
    const status = database.ok && redis !== false ? 'ok' : 'degraded';
    return { status, database, ...(redis === undefined ? {} : { redis: { ok: redis } }) };
  }
}
