import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, MigrationExecutor } from 'typeorm';
import { NamedLocks, withNamedLock } from './database/named-lock';
import { JoinedReads } from './database/joined-rows';
import { Clock } from './common/clock';
import { APP_CONFIG, type AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { ENTITIES } from './tables';
import { ApiModule } from './api';
import { UnitOfWork } from './database/unit-of-work';
import { Access } from './access';
import { Sequences } from './database/sequences';
import { RateLimitStore, rateLimitStoreProvider, Throttles } from './common/rate-limiter';
import { WechatModule } from './wechat/wechat.module';
import { NotificationsModule } from './notifications';
import { DemoModule } from './demo';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(config.database, ENTITIES), migrationsRun: false, retryAttempts: 2, retryDelay: 1000 }),
          // Migrations before anything else reads the database, one instance at a time when several start together.
          dataSourceFactory: async (options) => {
            const db = await new DataSource(options!).initialize();
            await withNamedLock(db, 'skillcert:migrations', (manager) => new MigrationExecutor(db, manager.queryRunner).executePendingMigrations());
            return db;
          },
        }),
        WechatModule,
        // The notices' worker has no route of its own.
        NotificationsModule,
        ApiModule,
        ...(DemoModule.enabledFor(config) ? [DemoModule.register()] : []),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        // One instance for the whole app: on SQLite its queue is what serialises transactions.
        UnitOfWork,
        JoinedReads,
        NamedLocks,
        Sequences,
        rateLimitStoreProvider,
        Throttles,
        Access,
      ],
      exports: [APP_CONFIG, Clock, UnitOfWork, JoinedReads, NamedLocks, Sequences, RateLimitStore, Throttles, Access],
    };
  }
}
