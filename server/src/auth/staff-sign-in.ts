import { Injectable, Logger } from '@nestjs/common';
import type { ChangePasswordRequest, ResetPasswordRequest, StaffLoginRequest, StaffProfile, StaffSessionResponse } from '@skillcert/shared';
import type { StaffActor } from '../access';
import { StaffService } from '../staff';
import { AuthService } from './auth.service';

/**
 * A staff member's sessions follow their account: issued when the password proves right, ended when
 * it changes, is reset, or the account stops — the accounts below know nothing of sessions.
 */
@Injectable()
export class StaffSignIn {
  private readonly logger = new Logger(StaffSignIn.name);

  constructor(
    private readonly staff: StaffService,
    private readonly auth: AuthService,
  ) {}

  async signIn(request: StaffLoginRequest, address: string): Promise<StaffSessionResponse> {
    const account = await this.staff.checkPassword(request, address);
    const session = await this.auth.issueSession({ staffId: account.id });
    return { ...session, staff: await this.staff.profile(account) };
  }

  /** Every other session of theirs ends. */
  async changePassword(actor: StaffActor, request: ChangePasswordRequest): Promise<void> {
    await this.staff.changePassword(actor, request);
    await this.auth.revokeAllOfStaff(actor.staffId, actor.sessionId);
  }

  /** Stopped, its open sessions end at once. */
  async setDisabled(actor: StaffActor, id: string, disabled: boolean): Promise<StaffProfile> {
    const profile = await this.staff.setDisabled(actor, id, disabled);
    if (disabled) await this.auth.revokeAllOfStaff(id);
    return profile;
  }

  /** A temporary password ends every session of the account. */
  async resetPassword(actor: StaffActor, id: string, request: ResetPasswordRequest): Promise<StaffProfile> {
    const profile = await this.staff.resetPassword(actor, id, request);
    await this.auth.revokeAllOfStaff(id);
    return profile;
  }

  /** "Sign out everywhere" for a lost phone; an admin doing it to themselves keeps the session they did it from. */
  async revokeSessions(actor: StaffActor, id: string): Promise<{ revoked: number }> {
    await this.staff.ownAccount(actor, id);
    const revoked = await this.auth.revokeAllOfStaff(id, id === actor.staffId ? actor.sessionId : undefined);
    this.logger.log({ event: 'sessions-revoked', staffId: id, by: actor.staffId, revoked });
    return { revoked };
  }
}
