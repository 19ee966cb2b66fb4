import { Endpoint } from './endpoint';
import { Body, Controller, Ip, Param } from '@nestjs/common';
import { type ChangePasswordRequest, type CreateStaffRequest, type ResetPasswordRequest, type StaffLoginRequest } from '@skillcert/shared';
import type { StaffActor } from '../access';
import { Allow, CurrentStaff, OpenDuringPasswordChange, StaffSignIn } from '../auth';
import { Throttles } from '../common/rate-limiter';
import { StaffService } from '../staff';

@Controller()
export class StaffController {
  constructor(
    private readonly staff: StaffService,
    private readonly signIn: StaffSignIn,
    private readonly throttles: Throttles,
  ) {}

  @Endpoint('staffSignIn')
  async login(@Ip() ip: string, @Body() body: StaffLoginRequest) {
    await this.throttles.hit('staff-login', ip);
    return this.signIn.signIn(body, ip);
  }

  @Endpoint('staffMe')
  @Allow('institution', 'reviewer', 'finance', 'proctor', 'admin')
  @OpenDuringPasswordChange()
  me(@CurrentStaff() actor: StaffActor) {
    return this.staff.me(actor);
  }

  @Endpoint('staffAccounts')
  @Allow('admin')
  list(@CurrentStaff() actor: StaffActor) {
    return this.staff.list(actor);
  }

  @Endpoint('createStaffAccount')
  @Allow('admin')
  create(@CurrentStaff() actor: StaffActor, @Body() body: CreateStaffRequest) {
    return this.staff.create(actor, body);
  }

  /** Their own password: the current one proves it is them; their other sessions end. */
  @Endpoint('changePassword')
  @Allow('institution', 'reviewer', 'finance', 'proctor', 'admin')
  @OpenDuringPasswordChange()
  async changePassword(@CurrentStaff() actor: StaffActor, @Body() body: ChangePasswordRequest): Promise<void> {
    await this.signIn.changePassword(actor, body);
  }

  @Endpoint('disableStaffAccount')
  @Allow('admin')
  disable(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.signIn.setDisabled(actor, id, true);
  }

  @Endpoint('enableStaffAccount')
  @Allow('admin')
  enable(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.signIn.setDisabled(actor, id, false);
  }

  @Endpoint('resetStaffPassword')
  @Allow('admin')
  resetPassword(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }, @Body() body: ResetPasswordRequest) {
    return this.signIn.resetPassword(actor, id, body);
  }

  /** "Sign out everywhere" for a lost phone: every session of the account ends. */
  @Endpoint('revokeStaffSessions')
  @Allow('admin')
  revokeSessions(@CurrentStaff() actor: StaffActor, @Param() { id }: { id: string }) {
    return this.signIn.revokeSessions(actor, id);
  }
}
