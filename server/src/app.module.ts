import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, MigrationExecutor } from 'typeorm';
import { NamedLocks, withNamedLock } from './database/named-lock';
import { JoinedReads } from './database/joined-rows';
import { Clock } from './common/clock';
import { APP_CONFIG, type AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { ENTITIES } from './tables';
import { HealthController } from './health/health.controller';
import { AuthModule } from './auth/auth.module';
import { IdentityModule } from './identity/identity.module';
import { StaffModule } from './staff/staff.module';
import { ApplicationsModule } from './applications/applications.module';
import { UnitOfWork } from './database/unit-of-work';
import { Access } from './access/access';
import { Sequences } from './database/sequences';
import { rateLimitStoreProvider, Throttles } from './common/rate-limiter';
import { PlansModule } from './plans/plans.module';
import { ReviewModule } from './review/review.module';
import { BatchesModule } from './batches/batches.module';
import { FilesModule } from './files/files.module';
import { VisitsModule } from './visits/visits.module';
import { SessionsModule } from './sessions/sessions.module';
import { WechatModule } from './wechat/wechat.module';
import { PaymentsModule } from './payments/payments.module';
import { FinanceModule } from './finance/finance.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ExamDayModule } from './exam-day/exam-day.module';
import { ResultsModule } from './results/results.module';
import { MisconductModule } from './misconduct/misconduct.module';
import { CertificatesModule } from './certificates/certificates.module';
import { DemoModule } from './demo/demo.module';

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
        PaymentsModule,
        FinanceModule,
        SubscriptionsModule,
        NotificationsModule,
        ExamDayModule,
        ResultsModule,
        MisconductModule,
        CertificatesModule,
        FilesModule,
        PlansModule,
        AuthModule,
        IdentityModule,
        StaffModule,
        SessionsModule,
        ApplicationsModule,
        VisitsModule,
        BatchesModule,
        ReviewModule,
        ...(DemoModule.enabledFor(config) ? [DemoModule.register()] : []),
      ],
      controllers: [HealthController],
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
      exports: [APP_CONFIG, Clock, UnitOfWork, JoinedReads, NamedLocks, Sequences, Throttles, Access],
    };
  }
}
