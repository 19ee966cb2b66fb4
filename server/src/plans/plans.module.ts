import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlanEntity } from './plan.entity';
import { EvaluationBodyEntity } from './evaluation-body.entity';
import { PlansService } from './plans.service';

@Module({
  imports: [TypeOrmModule.forFeature([EvaluationBodyEntity, PlanEntity])],
  providers: [PlansService],
  exports: [PlansService],
})
export class PlansModule {}
