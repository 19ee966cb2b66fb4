import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { misconductSchema, type MisconductRequest } from '@skillcert/shared';
import { applicationQuerySchema } from '@skillcert/shared/contract';
import type { StaffActor } from '../access/actor';
import { Allow, CurrentStaff } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { MisconductService } from './misconduct.service';

@Controller('api/misconduct')
@Allow('proctor', 'admin')
export class MisconductController {
  constructor(private readonly misconduct: MisconductService) {}

  @Post()
  record(@CurrentStaff() actor: StaffActor, @Body(new ZodPipe(misconductSchema)) request: MisconductRequest) {
    return this.misconduct.record(actor, request);
  }

  @Get()
  list(@CurrentStaff() actor: StaffActor, @Query(new ZodPipe(applicationQuerySchema)) { applicationId }: { applicationId: string }) {
    return this.misconduct.forApplication(actor, applicationId);
  }
}
