import { Endpoint } from './endpoint';
import { Body, Controller, Query } from '@nestjs/common';
import { type CreateExamSessionRequest } from '@skillcert/shared';
import type { StaffActor } from '../access';
import { Allow, CurrentStaff } from '../auth';
import { SessionsService } from '../sessions';

@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Endpoint('createSession')
  @Allow('admin')
  create(@CurrentStaff() actor: StaffActor, @Body() body: CreateExamSessionRequest) {
    return this.sessions.create(actor, body);
  }

  @Endpoint('sessions')
  @Allow('admin', 'reviewer', 'proctor', 'finance')
  list(@CurrentStaff() actor: StaffActor, @Query() { planId }: { planId: string }) {
    return this.sessions.list(actor, planId);
  }
}
