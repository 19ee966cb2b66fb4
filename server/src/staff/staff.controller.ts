import { Body, Controller, Get, HttpCode, Ip, Param, Post, Put } from '@nestjs/common';
import {
  changePasswordSchema,
  createStaffSchema,
  idParamSchema,
  resetPasswordSchema,
  staffLoginSchema,
  type ChangePasswordRequest,
  type CreateStaffRequest,
  type ResetPasswordRequest,
  type StaffLoginRequest,
} from '@skillcert/shared';
import type { StaffActor } from '../access/actor';
import { Allow, CurrentStaff, OpenDuringPasswordChange } from '../auth/auth.guard';
import { Throttles } from '../common/rate-limiter';
import { ZodPipe } from '../common/zod-pipe';
import { StaffSignIn } from '../auth/staff-sign-in';
import { StaffService } from './staff.service';

@Controller('api/staff')
export class StaffController {
  constructor(
    private readonly staff: StaffService,
    private readonly signIn: StaffSignIn,
    private readonly throttles: Throttles,
  ) {}

  @Post('login')
  @HttpCode(200)
  async login(@Ip() ip: string, @Body(new ZodPipe(staffLoginSchema)) body: StaffLoginRequest) {
    await this.throttles.hit('staff-login', ip);
    return this.signIn.signIn(body, ip);
  }

  @Get('me')
  @Allow('institution', 'reviewer', 'finance', 'proctor', 'admin')
  @OpenDuringPasswordChange()
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

  /** Their own password: the current one proves it is them; their other sessions end. */
  @Put('me/password')
  @HttpCode(204)
  @Allow('institution', 'reviewer', 'finance', 'proctor', 'admin')
  @OpenDuringPasswordChange()
  async changePassword(@CurrentStaff() actor: StaffActor, @Body(new ZodPipe(changePasswordSchema)) body: ChangePasswordRequest): Promise<void> {
    await this.signIn.changePassword(actor, body);
  }

  @Post('accounts/:id/disable')
  @HttpCode(200)
  @Allow('admin')
  disable(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.signIn.setDisabled(actor, id, true);
  }

  @Post('accounts/:id/enable')
  @HttpCode(200)
  @Allow('admin')
  enable(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.signIn.setDisabled(actor, id, false);
  }

  @Post('accounts/:id/reset-password')
  @HttpCode(200)
  @Allow('admin')
  resetPassword(
    @CurrentStaff() actor: StaffActor,
    @Param(new ZodPipe(idParamSchema)) { id }: { id: string },
    @Body(new ZodPipe(resetPasswordSchema)) body: ResetPasswordRequest,
  ) {
    return this.signIn.resetPassword(actor, id, body);
  }

  /** "Sign out everywhere" for a lost phone: every session of the account ends. */
  @Post('accounts/:id/revoke-sessions')
  @HttpCode(200)
  @Allow('admin')
  revokeSessions(@CurrentStaff() actor: StaffActor, @Param(new ZodPipe(idParamSchema)) { id }: { id: string }) {
    return this.signIn.revokeSessions(actor, id);
  }
}
