import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { createExamSessionSchema, planQuerySchema, type CreateExamSessionRequest } from '@skillcert/shared';
import type { StaffActor } from '../access/actor';
import { Allow, CurrentStaff } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { SessionsService } from './sessions.service';

@Controller('api/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @Allow('admin')
  create(@CurrentStaff() actor: StaffActor, @Body(new ZodPipe(createExamSessionSchema)) body: CreateExamSessionRequest) {
    return this.sessions.create(actor, body);
  }

  @Get()
  @Allow('admin', 'reviewer', 'proctor', 'finance')
  list(@CurrentStaff() actor: StaffActor, @Query(new ZodPipe(planQuerySchema)) { planId }: { planId: string }) {
    return this.sessions.list(actor, planId);
  }
}
