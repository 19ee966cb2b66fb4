import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { eligibilityRequestSchema, idParamSchema, windowQuerySchema, type EligibilityRequest, type WindowQuery } from '@skillcert/shared';
import { ZodPipe } from '../common/zod-pipe';
import { PlansService } from './plans.service';

@Controller('api/plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  list() {
    return this.plans.list();
  }

  @Get(':id')
  detail(@Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.plans.detail(id);
  }

  @Post(':id/eligibility')
  @HttpCode(200)
  eligibility(@Param(new ZodPipe(idParamSchema)) { id }: { id: string }, @Body(new ZodPipe(eligibilityRequestSchema)) body: EligibilityRequest) {
    return this.plans.eligibility(id, body);
  }

  @Get(':id/window')
  window(@Param(new ZodPipe(idParamSchema)) { id }: { id: string }, @Query(new ZodPipe(windowQuerySchema)) query: WindowQuery) {
    return this.plans.window(id, query);
  }
}
