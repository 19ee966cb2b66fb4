import { Body, Controller, Param } from '@nestjs/common';
import type { ClonePlanRequest, EditPlanRequest, PlanNoticeRequest } from '@skillcert/shared';
import type { StaffActor } from '../access';
import { Allow, CurrentStaff } from '../auth';
import { PlanEditions } from '../plans';
import { Endpoint } from './endpoint';

/** The body's admins keep its plans: next year's notice without a developer. */
@Controller()
@Allow('admin')
export class StaffPlansController {
  constructor(private readonly editions: PlanEditions) {}

  @Endpoint('staffPlans')
  list(@CurrentStaff() actor: StaffActor) {
    return this.editions.list(actor);
  }

  @Endpoint('clonePlan')
  clone(@CurrentStaff() actor: StaffActor, @Body() body: ClonePlanRequest) {
    return this.editions.clone(actor, body);
  }

  @Endpoint('staffPlan')
  one(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.editions.one(actor, id);
  }

  @Endpoint('editPlan')
  edit(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Body() body: EditPlanRequest) {
    return this.editions.edit(actor, id, body.plan);
  }

  @Endpoint('setPlanNotice')
  setNotice(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Body() body: PlanNoticeRequest) {
    return this.editions.setNotice(actor, id, body.text);
  }

  @Endpoint('publishPlan')
  publish(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.editions.publish(actor, id);
  }
}
