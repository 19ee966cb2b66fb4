import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type SessionResponse } from '@skillcert/shared';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull, MoreThan, QueryFailedError } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { IdentityService } from '../identity/identity.service';
import { WechatClient } from '../wechat/wechat.client';
import { AuthSessionEntity } from './auth-session.entity';
import { UserEntity } from './user.entity';

/** Who is calling: resolved from the bearer token by the guard, passed to every service method. */
export interface Actor {
  userId: string;
  sessionId: string;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly wechat: WechatClient,
    private readonly identity: IdentityService,
  ) {}

  /** wx.login() code → our own session. WeChat's session_key stays behind in the client. */
  async signInWithWechat(code: string): Promise<SessionResponse> {
    const { openid, unionid } = await this.wechat.code2Session(code);
    const user = await this.findOrCreateUser(openid, unionid);
    return this.issueSession(user.id);
  }

  /** A fresh token for a live one; the old one stops working at once. */
  async refresh(actor: Actor): Promise<SessionResponse> {
    await this.revoke(actor);
    return this.issueSession(actor.userId);
  }

  async revoke(actor: Actor): Promise<void> {
    await this.db.getRepository(AuthSessionEntity).update({ id: actor.sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async authenticate(token: string): Promise<Actor> {
    const session = await this.db
      .getRepository(AuthSessionEntity)
      .findOneBy({ tokenHash: hashToken(token), revokedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) });
    if (!session) throw new DomainError('UNAUTHENTICATED');
    return { userId: session.userId, sessionId: session.id };
  }

  private async findOrCreateUser(openid: string, unionid: string | undefined): Promise<UserEntity> {
    const users = this.db.getRepository(UserEntity);
    const existing = await users.findOneBy({ openid });
    if (existing) return existing;
    try {
      return await users.save({ id: randomUUID(), openid, unionid: unionid ?? null, createdAt: this.clock.now() });
    } catch (error) {
      // Two first sign-ins of one person racing: the unique openid lets one win; both get that row.
      if (error instanceof QueryFailedError) {
        const winner = await users.findOneBy({ openid });
        if (winner) return winner;
      }
      throw error;
    }
  }

  private async issueSession(userId: string): Promise<SessionResponse> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000);
    await this.db
      .getRepository(AuthSessionEntity)
      .insert({ id: randomUUID(), userId, tokenHash: hashToken(token), expiresAt, revokedAt: null, createdAt: now });
    return { token, expiresAt: expiresAt.toISOString(), me: await this.identity.me(userId) };
  }
}
