import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError, type SessionResponse } from '@skillcert/shared';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { In, IsNull, type Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { JoinedReads } from '../database/joined-rows';
import { CandidateProfileEntity } from '../identity/candidate-profile.entity';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { IdentityService, WechatUsers } from '../identity';
import { StaffAccountEntity } from '../staff/staff-account.entity';
import { WechatClient } from '../wechat/wechat.client';
import type { Actor } from '../access';
import { AuthSessionEntity } from './auth-session.entity';

/** What a request needs of its session and of a staff member's account (the candidate's profile is read whole). */
const SESSION = ['id', 'userId', 'staffId'] as const satisfies (keyof AuthSessionEntity)[];
const ACCOUNT = ['id', 'bodyId', 'kind', 'roles', 'institutionId', 'mustChangePassword', 'disabledAt'] as const satisfies (keyof StaffAccountEntity)[];

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type Principal = { userId: string } | { staffId: string };

@Injectable()
export class AuthService {
  constructor(
    private readonly reads: JoinedReads,
    @InjectRepository(AuthSessionEntity) private readonly authSessions: Repository<AuthSessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly wechat: WechatClient,
    private readonly identity: IdentityService,
    private readonly users: WechatUsers,
  ) {}

  /** wx.login() code → our own session. WeChat's session_key stays behind in the client. */
  async signInWithWechat(code: string): Promise<SessionResponse> {
    const { openid, unionid } = await this.wechat.code2Session(code);
    return this.signInAs(openid, unionid);
  }

  /** The WeChat user the platform vouches for (WeChat Cloud Hosting's headers, checked by the controller). */
  async signInAs(openid: string, unionid?: string): Promise<SessionResponse> {
    const user = await this.users.findOrCreate(openid, unionid);
    const session = await this.issueSession({ userId: user.id });
    return { ...session, me: await this.identity.me(user.id) };
  }

  /** A fresh token for a live one; the old one stops working at once. Never past the sign-in's absolute lifetime. */
  async refresh(actor: Actor): Promise<{ token: string; expiresAt: string }> {
    const current = await this.authSessions.findOneByOrFail({ id: actor.sessionId });
    await this.revoke(actor);
    return this.issueSession(actor.kind === 'candidate' ? { userId: actor.userId } : { staffId: actor.staffId }, current.signedInAt ?? current.createdAt);
  }

  /** Every session of a staff member ends at once: disabled, a password reset or changed, or "sign out everywhere". */
  async revokeAllOfStaff(staffId: string, except?: string): Promise<number> {
    const sessions = this.authSessions;
    const live = await sessions.find({ where: { staffId, revokedAt: IsNull() }, select: { id: true } });
    const ids = live.map((s) => s.id).filter((id) => id !== except);
    if (ids.length) await sessions.update({ id: In(ids), revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    return ids.length;
  }

  async revoke(actor: Actor): Promise<void> {
    await this.authSessions.update({ id: actor.sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /**
   * The live session behind a token, with its holder — the staff account, or the
   * candidate's profile — in one statement: every signed-in request starts here.
   */
  async authenticate(token: string): Promise<Actor> {
    const rows = await this.reads.rows((this.sessionSql ??= this.sessionWithHolderSql()), [
      hashToken(token),
      this.reads.stored(AuthSessionEntity, 'expiresAt', this.clock.now()),
    ]);
    const raw = rows[0];
    const session = raw && this.reads.hydrate(AuthSessionEntity, 's', raw, SESSION);
    if (raw && session?.userId)
      return { kind: 'candidate', userId: session.userId, sessionId: session.id, profile: this.reads.hydrate(CandidateProfileEntity, 'p', raw) ?? null };
    const account = raw && session?.staffId ? this.reads.hydrate(StaffAccountEntity, 'a', raw, ACCOUNT) : undefined;
    // A disabled account's sessions stop at once, even one revoked a moment too late.
    if (session && account && !account.disabledAt) {
      return {
        kind: 'staff',
        staffId: account.id,
        bodyId: account.bodyId,
        accountKind: account.kind,
        roles: account.roles,
        ...(account.institutionId ? { institutionId: account.institutionId } : {}),
        sessionId: session.id,
        ...(account.mustChangePassword ? { mustChangePassword: true as const } : {}),
      };
    }
    throw new DomainError('UNAUTHENTICATED');
  }

  private sessionSql?: string;

  private sessionWithHolderSql(): string {
    const table = (entity: typeof AuthSessionEntity | typeof StaffAccountEntity | typeof CandidateProfileEntity) => this.reads.table(entity);
    return `SELECT ${this.reads.columns(AuthSessionEntity, 's', { only: SESSION })}, ${this.reads.columns(StaffAccountEntity, 'a', { only: ACCOUNT })}, ${this.reads.columns(CandidateProfileEntity, 'p')}
      FROM ${table(AuthSessionEntity)} s
      LEFT JOIN ${table(StaffAccountEntity)} a ON a.id = s.staff_id
      LEFT JOIN ${table(CandidateProfileEntity)} p ON p.user_id = s.user_id
      WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ?`;
  }

  /** `signedInAt`: when the holder proved who they are (a refresh carries it over); the session ends by then plus the absolute lifetime. */
  async issueSession(principal: Principal, signedInAt?: Date): Promise<{ token: string; expiresAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const since = signedInAt ?? now;
    const expiresAt = new Date(Math.min(now.getTime() + this.config.sessionTtlHours * 3_600_000, since.getTime() + this.config.sessionMaxDays * 86_400_000));
    if (expiresAt <= now) throw new DomainError('UNAUTHENTICATED');
    await this.authSessions.insert({
      id: randomUUID(),
      userId: 'userId' in principal ? principal.userId : null,
      staffId: 'staffId' in principal ? principal.staffId : null,
      tokenHash: hashToken(token),
      expiresAt,
      revokedAt: null,
      signedInAt: since,
      createdAt: now,
    });
    return { token, expiresAt: expiresAt.toISOString() };
  }
}
