import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications';
import { AuthModule } from '../auth';
import { CalendarModule } from '../calendar';
import { BatchesModule } from '../batches';
import { CertificatesModule } from '../certificates';
import { ExamDayModule } from '../exam-day';
import { FilesModule } from '../files';
import { FinanceModule } from '../finance';
import { IdentityModule } from '../identity';
import { MisconductModule } from '../misconduct';
import { PaymentsModule } from '../payments';
import { PlansModule } from '../plans';
import { ResultsModule } from '../results';
import { ReviewModule } from '../review';
import { SessionsModule } from '../sessions';
import { StaffModule } from '../staff';
import { SubscriptionsModule } from '../subscriptions';
import { TicketsModule } from '../tickets';
import { VisitsModule } from '../visits';
import { ApplicationViews } from './application-views';
import { ApplicationsController } from './applications.controller';
import { AuthController } from './auth.controller';
import { CalendarController } from './calendar.controller';
import { BatchesController } from './batches.controller';
import { CertificatesController } from './certificates.controller';
import { ExamDayController } from './exam-day.controller';
import { FilesController } from './files.controller';
import { FinanceController } from './finance.controller';
import { HealthController } from './health.controller';
import { MeController } from './me.controller';
import { MisconductController } from './misconduct.controller';
import { PaymentsController } from './payments.controller';
import { PlansController } from './plans.controller';
import { ResultsController } from './results.controller';
import { ReviewController } from './review.controller';
import { SessionsController } from './sessions.controller';
import { StaffController } from './staff.controller';
import { StaffPlansController } from './staff-plans.controller';
import { SubscriptionsController } from './subscriptions.controller';
import { TicketsController } from './tickets.controller';
import { VisitsController } from './visits.controller';

/**
 * The HTTP face, on the top floor: every route of the contract (`@Endpoint`), and the application's
 * view — the one read model that joins many features' tables. The services below answer ids and
 * entities; a route answers with a view.
 */
@Module({
  imports: [
    AuthModule,
    CalendarModule,
    IdentityModule,
    StaffModule,
    PlansModule,
    FilesModule,
    SubscriptionsModule,
    ApplicationsModule,
    SessionsModule,
    BatchesModule,
    VisitsModule,
    ReviewModule,
    PaymentsModule,
    FinanceModule,
    TicketsModule,
    ExamDayModule,
    ResultsModule,
    MisconductModule,
    CertificatesModule,
  ],
  controllers: [
    HealthController,
    AuthController,
    CalendarController,
    MeController,
    StaffController,
    StaffPlansController,
    PlansController,
    FilesController,
    SubscriptionsController,
    ApplicationsController,
    SessionsController,
    BatchesController,
    VisitsController,
    ReviewController,
    PaymentsController,
    FinanceController,
    TicketsController,
    ExamDayController,
    ResultsController,
    MisconductController,
    CertificatesController,
  ],
  providers: [ApplicationViews],
  exports: [ApplicationViews],
})
export class ApiModule {}
