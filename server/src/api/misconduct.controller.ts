import { Endpoint } from './endpoint';
import { Body, Controller, Query } from '@nestjs/common';
import { type MisconductRequest } from '@skillcert/shared';
import type { StaffActor } from '../access';
import { Allow, CurrentStaff } from '../auth';
import { MisconductService } from '../misconduct';

@Controller()
@Allow('proctor', 'admin')
export class MisconductController {
  constructor(private readonly misconduct: MisconductService) {}

  @Endpoint('recordMisconduct')
  record(@CurrentStaff() actor: StaffActor, @Body() request: MisconductRequest) {
    return this.misconduct.record(actor, request);
  }

  @Endpoint('misconductRecords')
  list(@CurrentStaff() actor: StaffActor, @Query() { applicationId }: { applicationId: string }) {
    return this.misconduct.forApplication(actor, applicationId);
  }
}
