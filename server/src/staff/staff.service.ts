import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type CreateStaffRequest, type StaffLoginRequest, type StaffProfile, type StaffSessionResponse } from '@skillcert/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { StaffActor } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { InstitutionEntity } from './institution.entity';
import { DECOY_HASH, hashPassword, verifyPassword } from './password';
import { StaffAccountEntity } from './staff-account.entity';

/** After this many wrong passwords in a row the account rests for LOCK_MINUTES. */
const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

@Injectable()
export class StaffService implements OnApplicationBootstrap {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly auth: AuthService,
  ) {}

  /** The first administrator comes from configuration; created once, never overwritten. */
  async onApplicationBootstrap(): Promise<void> {
    const { username, password, bodyId } = this.config.firstAdmin;
    const accounts = this.db.getRepository(StaffAccountEntity);
    if (await accounts.existsBy({ username })) return;
    try {
      await accounts.insert({
        id: randomUUID(),
        bodyId,
        username,
        displayName: '管理员',
        passwordHash: await hashPassword(password),
        kind: 'staff',
        roles: ['admin'],
        institutionId: null,
        failedLogins: 0,
        lockedUntil: null,
        createdAt: this.clock.now(),
      });
      this.logger.log(`first administrator "${username}" created for body ${bodyId}`);
    } catch (error) {
      // Another instance created it first.
      if (!(error instanceof QueryFailedError)) throw error;
    }
  }

  async login({ username, password }: StaffLoginRequest): Promise<StaffSessionResponse> {
    const accounts = this.db.getRepository(StaffAccountEntity);
    const account = await accounts.findOneBy({ username: username.trim().toLowerCase() });
    const now = this.clock.now();
    if (!account) {
      await verifyPassword(password, DECOY_HASH);
      throw new DomainError('LOGIN_FAILED');
    }
    if (account.lockedUntil && account.lockedUntil > now) throw new DomainError('LOGIN_LOCKED');
    if (!(await verifyPassword(password, account.passwordHash))) {
      const failed = account.failedLogins + 1;
      const lock = failed >= MAX_FAILED_LOGINS;
      await accounts.update(
        { id: account.id },
        { failedLogins: lock ? 0 : failed, lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : account.lockedUntil },
      );
      throw new DomainError(lock ? 'LOGIN_LOCKED' : 'LOGIN_FAILED');
    }
    if (account.failedLogins > 0 || account.lockedUntil) await accounts.update({ id: account.id }, { failedLogins: 0, lockedUntil: null });
    const session = await this.auth.issueSession({ staffId: account.id });
    return { ...session, staff: await this.profile(account) };
  }

  async me(actor: StaffActor): Promise<StaffProfile> {
    return this.profile(await this.db.getRepository(StaffAccountEntity).findOneByOrFail({ id: actor.staffId }));
  }

  /** Accounts of the admin's own body only. */
  async list(actor: StaffActor): Promise<StaffProfile[]> {
    const rows = await this.db.getRepository(StaffAccountEntity).find({ where: { bodyId: actor.bodyId }, order: { createdAt: 'ASC' } });
    return Promise.all(rows.map((r) => this.profile(r)));
  }

  async create(actor: StaffActor, request: CreateStaffRequest): Promise<StaffProfile> {
    const passwordHash = await hashPassword(request.password);
    try {
      const id = await this.db.transaction(async (manager) => {
        const accounts = manager.getRepository(StaffAccountEntity);
        if (await accounts.existsBy({ username: request.username })) throw new DomainError('USERNAME_TAKEN');
        const institutionId = request.kind === 'institution' ? await this.institutionId(manager, actor.bodyId, request.institutionName ?? '') : null;
        const accountId = randomUUID();
        await accounts.insert({
          id: accountId,
          bodyId: actor.bodyId,
          username: request.username,
          displayName: request.displayName,
          passwordHash,
          kind: request.kind,
          roles: request.kind === 'institution' ? [] : request.roles,
          institutionId,
          failedLogins: 0,
          lockedUntil: null,
          createdAt: this.clock.now(),
        });
        return accountId;
      });
      return this.profile(await this.db.getRepository(StaffAccountEntity).findOneByOrFail({ id }));
    } catch (error) {
      if (error instanceof QueryFailedError && /unique|duplicate/i.test(error.message)) throw new DomainError('USERNAME_TAKEN');
      throw error;
    }
  }

  private async institutionId(manager: EntityManager, bodyId: string, name: string): Promise<string> {
    const institutions = manager.getRepository(InstitutionEntity);
    const existing = await institutions.findOneBy({ bodyId, name: name.trim() });
    if (existing) return existing.id;
    const id = randomUUID();
    await institutions.insert({ id, bodyId, name: name.trim(), createdAt: this.clock.now() });
    return id;
  }

  private async profile(account: StaffAccountEntity): Promise<StaffProfile> {
    const institution = account.institutionId ? await this.db.getRepository(InstitutionEntity).findOneBy({ id: account.institutionId }) : null;
    return {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      bodyId: account.bodyId,
      kind: account.kind,
      roles: account.roles,
      ...(institution ? { institution: { id: institution.id, name: institution.name } } : {}),
    };
  }
}
