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

  /** Which database the server is on, and whether it answers. 503 when it does not, so probes notice. */
  @Get()
  async check(@Res({ passthrough: true }) res: Response) {
    const kind = this.config.database.kind;
    const started = Date.now();
    try {
      const [row] = (await this.db.query(kind === 'sqlite' ? 'SELECT sqlite_version() AS version' : 'SELECT VERSION() AS version')) as { version: string }[];
      return { status: 'ok', database: { kind, ok: true, version: row?.version, latencyMs: Date.now() - started } };
    } catch {
      res.status(503);
      return { status: 'degraded', database: { kind, ok: false } };
    }
  }
}
