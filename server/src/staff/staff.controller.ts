import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { createStaffSchema, staffLoginSchema, type CreateStaffRequest, type StaffLoginRequest } from '@skillcert/shared';
import type { StaffActor } from '../auth/actor';
import { Allow, CurrentStaff } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod-pipe';
import { StaffService } from './staff.service';

@Controller('api/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Post('login')
  @HttpCode(200)
  login(@Body(new ZodPipe(staffLoginSchema)) body: StaffLoginRequest) {
    return this.staff.login(body);
  }

  @Get('me')
  @Allow('institution', 'reviewer', 'finance', 'proctor', 'admin')
  me(@CurrentStaff() actor: StaffActor) {
    return this.staff.me(actor);
  }

  @Get('accounts')
  @Allow('admin')
  list(@CurrentStaff() actor: StaffActor) {
    return this.staff.list(actor);
  }

  @Post('accounts')
  @Allow('admin')
  create(@CurrentStaff() actor: StaffActor, @Body(new ZodPipe(createStaffSchema)) body: CreateStaffRequest) {
    return this.staff.create(actor, body);
  }
}
