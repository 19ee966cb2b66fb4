import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  DomainError,
  type ChangePasswordRequest,
  type CreateStaffRequest,
  type ResetPasswordRequest,
  type StaffLoginRequest,
  type StaffProfile,
} from '@skillcert/shared';
import { createHash, randomUUID } from 'node:crypto';
import { In, QueryFailedError, type EntityManager, type Repository } from 'typeorm';
import type { StaffActor } from '../access';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { LoginFailureEntity } from './login-failure.entity';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { InstitutionEntity } from './institution.entity';
import { DECOY_HASH, hashPassword, verifyPassword } from './password';
import { StaffAccountEntity } from './staff-account.entity';

/** After this many wrong passwords in a row from one address, that address rests from the account for LOCK_MINUTES. */
const MAX_FAILED_LOGINS = 5;
/**
 * Wrong passwords in a row from all addresses together before the account rests for every address
 * its owner has not signed in from lately: a spread-out guess, not a clumsy colleague. The owner's own
 * addresses keep only their own count, so strangers cannot aim a lock-out at anyone — an admin least.
 */
const ACCOUNT_CEILING = 50;
const LOCK_MINUTES = 15;
/** How long a successful sign-in makes an address the owner's own. */
const KNOWN_ADDRESS_DAYS = 90;

@Injectable()
export class StaffService implements OnApplicationBootstrap {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    @InjectRepository(LoginFailureEntity) private readonly loginFailures: Repository<LoginFailureEntity>,
    @InjectRepository(InstitutionEntity) private readonly institutions: Repository<InstitutionEntity>,
    @InjectRepository(StaffAccountEntity) private readonly staffAccounts: Repository<StaffAccountEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  /** The first administrator comes from configuration; created once, never overwritten. */
  async onApplicationBootstrap(): Promise<void> {
    const { username, password, bodyId } = this.config.firstAdmin;
    const accounts = this.staffAccounts;
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
        disabledAt: null,
        mustChangePassword: false,
        createdAt: this.clock.now(),
      });
      this.logger.log(`first administrator "${username}" created for body ${bodyId}`);
    } catch (error) {
      // Another instance created it first.
      if (!(error instanceof QueryFailedError)) throw error;
    }
  }

  /**
   * Each attempt is counted before its password is checked, under the account's
   * row lock: however many arrive at once, the sixth from an address is refused
   * unchecked. The count is per account and address, so an outsider's guesses
   * rest the outsider, not the reviewer at the counter; a much higher count over
   * all addresses rests the account. Answers the account whose password this is: the session is sign-in's to issue.
   */
  async checkPassword({ username, password }: StaffLoginRequest, address: string): Promise<StaffAccountEntity> {
    const accounts = this.staffAccounts;
    const account = await accounts.findOneBy({ username: username.trim().toLowerCase() });
    if (!account) {
      await verifyPassword(password, DECOY_HASH);
      throw new DomainError('LOGIN_FAILED');
    }
    const addressHash = createHash('sha256').update(address).digest('hex');
    const attempt = await this.countAttempt(account.id, addressHash);
    if (!(await verifyPassword(password, account.passwordHash))) throw new DomainError(attempt.last ? 'LOGIN_LOCKED' : 'LOGIN_FAILED');
    // Said only to someone who knows the password: it tells an outsider nothing.
    if (account.disabledAt) throw new DomainError('ACCOUNT_DISABLED');
    await this.uow.run(async (manager) => {
      await manager.update(StaffAccountEntity, { id: account.id }, { failedLogins: 0, lockedUntil: null });
      await manager.update(LoginFailureEntity, { accountId: account.id, addressHash }, { failures: 0, lockedUntil: null, signedInAt: this.clock.now() });
    });
    return account;
  }

  /** Counts one attempt as failed until its password proves right; refuses it when the account or this address is resting. */
  private async countAttempt(accountId: string, addressHash: string): Promise<{ last: boolean }> {
    const now = this.clock.now();
    const lock = this.uow.rowLock ? { lock: this.uow.rowLock } : {};
    // The address's row made beforehand and committed on its own: made inside the counting
    // transaction, two first attempts would race on its insert.
    await this.loginFailures
      .createQueryBuilder()
      .insert()
      .values({ accountId, addressHash, failures: 0, lockedUntil: null, signedInAt: null })
      .orIgnore()
      .execute();
    return this.uow.run(async (manager) => {
      const account = await manager.findOneOrFail(StaffAccountEntity, { where: { id: accountId }, ...lock });
      const pair = await manager.findOneOrFail(LoginFailureEntity, { where: { accountId, addressHash }, ...lock });
      const resting = (until: Date | null) => until !== null && until > now;
      const known = pair.signedInAt !== null && now.getTime() - pair.signedInAt.getTime() < KNOWN_ADDRESS_DAYS * 86_400_000;
      if ((resting(account.lockedUntil) && !known) || resting(pair.lockedUntil)) throw new DomainError('LOGIN_LOCKED');
      // A rest that is over starts the count again.
      const failures = (pair.lockedUntil ? 0 : pair.failures) + 1;
      const accountFailures = (account.lockedUntil ? 0 : account.failedLogins) + 1;
      const restUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
      await manager.update(LoginFailureEntity, { accountId, addressHash }, { failures, lockedUntil: failures >= MAX_FAILED_LOGINS ? restUntil : null });
      await manager.update(
        StaffAccountEntity,
        { id: accountId },
        { failedLogins: accountFailures, lockedUntil: accountFailures >= ACCOUNT_CEILING ? restUntil : null },
      );
      return { last: failures >= MAX_FAILED_LOGINS || (accountFailures >= ACCOUNT_CEILING && !known) };
    });
  }

  /** Their own new password, proved by the current one; a temporary password is done with. */
  async changePassword(actor: StaffActor, request: ChangePasswordRequest): Promise<void> {
    const account = await this.staffAccounts.findOneByOrFail({ id: actor.staffId });
    if (!(await verifyPassword(request.currentPassword, account.passwordHash))) throw new DomainError('PASSWORD_WRONG');
    await this.staffAccounts.update({ id: account.id }, { passwordHash: await hashPassword(request.newPassword), mustChangePassword: false });
    this.logger.log({ event: 'password-changed', staffId: account.id });
  }

  /** An admin stops (or restarts) an account of their body. */
  async setDisabled(actor: StaffActor, id: string, disabled: boolean): Promise<StaffProfile> {
    const account = await this.ownAccount(actor, id);
    if (disabled && account.id === actor.staffId) throw new DomainError('OWN_ACCOUNT');
    await this.staffAccounts.update({ id }, { disabledAt: disabled ? this.clock.now() : null });
    this.logger.log({ event: disabled ? 'account-disabled' : 'account-enabled', staffId: id, by: actor.staffId });
    return this.profile(await this.staffAccounts.findOneByOrFail({ id }));
  }

  /** A temporary password from an admin: lock-outs lift, and the holder sets their own at the next sign-in. */
  async resetPassword(actor: StaffActor, id: string, request: ResetPasswordRequest): Promise<StaffProfile> {
    await this.ownAccount(actor, id);
    await this.uow.run(async (manager) => {
      await manager.update(
        StaffAccountEntity,
        { id },
        { passwordHash: await hashPassword(request.temporaryPassword), mustChangePassword: true, failedLogins: 0, lockedUntil: null },
      );
      await manager.delete(LoginFailureEntity, { accountId: id });
    });
    this.logger.log({ event: 'password-reset', staffId: id, by: actor.staffId });
    return this.profile(await this.staffAccounts.findOneByOrFail({ id }));
  }

  /** Another body's account looks exactly like a missing one. */
  async ownAccount(actor: StaffActor, id: string): Promise<StaffAccountEntity> {
    const account = await this.staffAccounts.findOneBy({ id, bodyId: actor.bodyId });
    if (!account) throw new DomainError('NOT_FOUND');
    return account;
  }

  /** Staff names by account id, as records show who did something ('李审核'); an unknown id stands for itself. */
  async displayNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.staffAccounts.find({ where: { id: In(unique) }, select: { id: true, displayName: true } }) : [];
    return new Map(rows.map((row) => [row.id, row.displayName]));
  }

  /** Holds the school's row for the rest of the transaction: what is counted per school (its uploads) is counted one change at a time. */
  async lockInstitution(manager: EntityManager, institutionId: string): Promise<void> {
    const lock = this.uow.rowLock;
    if (lock) await manager.findOne(InstitutionEntity, { where: { id: institutionId }, select: { id: true }, lock });
  }

  async institutionNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.institutions.find({ where: { id: In(unique) }, select: { id: true, name: true } }) : [];
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async me(actor: StaffActor): Promise<StaffProfile> {
    return this.profile(await this.staffAccounts.findOneByOrFail({ id: actor.staffId }));
  }

  /** Accounts of the admin's own body only. */
  async list(actor: StaffActor): Promise<StaffProfile[]> {
    const rows = await this.staffAccounts.find({ where: { bodyId: actor.bodyId }, order: { createdAt: 'ASC' } });
    return Promise.all(rows.map((r) => this.profile(r)));
  }

  async create(actor: StaffActor, request: CreateStaffRequest): Promise<StaffProfile> {
    const passwordHash = await hashPassword(request.password);
    try {
      const id = await this.uow.run(async (manager) => {
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
          disabledAt: null,
          mustChangePassword: false,
          createdAt: this.clock.now(),
        });
        return accountId;
      });
      return this.profile(await this.staffAccounts.findOneByOrFail({ id }));
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

  async profile(account: StaffAccountEntity): Promise<StaffProfile> {
    const institution = account.institutionId ? await this.institutions.findOneBy({ id: account.institutionId }) : null;
    return {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      bodyId: account.bodyId,
      kind: account.kind,
      roles: account.roles,
      ...(institution ? { institution: { id: institution.id, name: institution.name } } : {}),
      ...(account.disabledAt ? { disabled: true as const } : {}),
      ...(account.mustChangePassword ? { mustChangePassword: true as const } : {}),
    };
  }
}
