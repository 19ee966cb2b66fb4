import { Endpoint } from './endpoint';
import { Controller, Inject, Res, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { createConnection, type Connection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { RateLimitStore } from '../common/rate-limiter';
import { APP_CONFIG, type AppConfig } from '../config/config';

@Controller()
export class HealthController implements OnModuleDestroy {
  /** MariaDB: a connection of the probe's own, outside the pool (see check). */
  private probe?: Promise<Connection>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttleStore: RateLimitStore,
  ) {}

  /**
   * Which kind of database the server is on, and whether it answers (no versions: they only help an
   * attacker): 503 when it does not, so probes take the instance out. On MariaDB it is asked on a
   * connection of the probe's own: at a crowd's minute (2,000 tickets opened at once) the pool's queue
   * is long, and a probe waiting in it would take a healthy instance out of the balancer. Redis, where
   * the throttles are shared, is reported beside it: away, the status is `degraded` but the answer stays
   * 200 — every instance counts its own limits then and still serves, and a 503 would take them all out.
   */
  @Endpoint('health')
  async check(@Res({ passthrough: true }) res: Response) {
    const kind = this.config.database.kind;
    const started = Date.now();
    const [database, redis] = await Promise.all([
      this.ping().then(
        () => ({ kind, ok: true, latencyMs: Date.now() - started }),
        () => ({ kind, ok: false }),
      ),
      this.throttleStore.shared(),
    ]);
    if (!database.ok) res.status(503);
    const status = database.ok && redis !== false ? 'ok' : 'degraded';
    return { status, database, ...(redis === undefined ? {} : { redis: { ok: redis } }) };
  }

  async onModuleDestroy(): Promise<void> {
    const probe = this.probe;
    this.probe = undefined;
    await probe?.then((connection) => connection.end()).catch(() => undefined);
  }

  private async ping(): Promise<void> {
    if (this.config.database.kind !== 'mariadb' || !this.db.isInitialized) {
      await this.db.query('SELECT 1');
      return;
    }
    const url = this.config.database.url;
    this.probe ??= createConnection({ uri: url, connectTimeout: 2000 });
    try {
      await (await this.probe).query('SELECT 1');
    } catch (error) {
      // Lost (the database restarted): the next check connects afresh.
      const lost = this.probe;
      this.probe = undefined;
      void lost?.then((connection) => connection.destroy()).catch(() => undefined);
      throw error;
    }
  }
}
