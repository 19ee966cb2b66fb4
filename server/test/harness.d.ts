import type { INestApplication } from '@nestjs/common';
import { FixedClock } from '../src/common/clock';
import { type AppConfig } from '../src/config/config';
export interface DatabaseTarget {
  name: 'sqlite' | 'mariadb';
  env: Record<string, string>;
}
/** Every database the suites run against: SQLite always, MariaDB whenever the global setup made a database for it. */
export declare function databaseTargets(): DatabaseTarget[];
export interface TestServer {
  app: INestApplication;
  config: AppConfig;
  clock: FixedClock;
  url: string;
}
/** A real server on a loopback port, on a real database, with a clock the test controls. */
export declare function startServer(target: DatabaseTarget, now: Date, env?: Record<string, string>): Promise<TestServer>;
