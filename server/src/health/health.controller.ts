import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';

@Controller('api/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Which kind of database the server is on, and whether it answers (no versions: they only help an attacker). 503 when it does not, so probes notice. */
  @Get()
  async check(@Res({ passthrough: true }) res: Response) {
    const kind = this.config.database.kind;
    const started = Date.now();
    try {
      await this.db.query('SELECT 1');
      return { status: 'ok', database: { kind, ok: true, latencyMs: Date.now() - started } };
    } catch {
      res.status(503);
      return { status: 'degraded', database: { kind, ok: false } };
    }
  }
}
