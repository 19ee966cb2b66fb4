import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlanEntity } from './plan.entity';
import { EvaluationBodyEntity } from './evaluation-body.entity';
import { PlansService } from './plans.service';
import { PlanChangeEntity } from './plan-change.entity';
import { PlanEditions } from './plan-editions';
import { PlanRefresh } from './plan-refresh';
import { StaffModule } from '../staff';

/** The body's plans: the published ones every rule reads (the same on every instance), and the admins' drafts, notices and publications. */
@Module({
  imports: [TypeOrmModule.forFeature([EvaluationBodyEntity, PlanEntity, PlanChangeEntity]), StaffModule],
  providers: [PlansService, PlanRefresh, PlanEditions],
  exports: [PlansService, PlanEditions],
})
export class PlansModule {}
