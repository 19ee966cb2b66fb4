import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainError, isMainlandMobile, maskResidentId, parseResidentId, type MeResponse, type ProfileRequest } from '@skillcert/shared';
import { In, QueryFailedError, type EntityManager, type Repository } from 'typeorm';
import type { RealNameRecord } from '../access';
import { Clock } from '../common/clock';
import { WechatClient } from '../wechat/wechat.client';
import { CandidateProfileEntity } from './candidate-profile.entity';
import { PersonalDataCipher } from './personal-data.cipher';

@Injectable()
export class IdentityService {
  constructor(
    @InjectRepository(CandidateProfileEntity) private readonly profiles: Repository<CandidateProfileEntity>,
    private readonly clock: Clock,
    private readonly cipher: PersonalDataCipher,
    private readonly wechat: WechatClient,
  ) {}

  /** The e-mail addresses candidates gave (for the notices that go by mail); those without one are left out. */
  async emailsOf(userIds: readonly string[], within?: EntityManager): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const rows = await (within ? within.getRepository(CandidateProfileEntity) : this.profiles).find({
      where: { userId: In([...new Set(userIds)]) },
      select: { userId: true, email: true },
    });
    return new Map(rows.flatMap((row) => (row.email ? [[row.userId, row.email] as const] : [])));
  }

  async me(userId: string): Promise<MeResponse> {
    return this.describe(userId, await this.profiles.findOneBy({ userId }));
  }

  /** A candidate as they see themselves: their profile with the phone opened, nothing else. */
  describe(userId: string, profile: RealNameRecord | null): MeResponse {
    if (!profile) return { userId };
    return {
      userId,
      profile: {
        name: profile.name,
        residentIdMasked: profile.residentIdMasked,
        birthDate: profile.birthDate,
        sex: profile.sex,
        ...(profile.phoneCipher ? { phone: this.cipher.decrypt(profile.phoneCipher) } : {}),
        ...(profile.email ? { email: profile.email } : {}),
      },
    };
  }

  /**
   * Records the candidate's real name and ID number. One ID number belongs to one
   * account: the keyed-hash column is unique, so even two accounts racing for the
   * same number cannot both have it.
   */
  async saveProfile(userId: string, request: ProfileRequest): Promise<MeResponse> {
    const parsed = parseResidentId(request.residentId);
    if (!parsed.ok) throw new DomainError('RESIDENT_ID_INVALID', parsed.error);
    const residentIdHash = this.cipher.residentIdHash(request.residentId);
    const profiles = this.profiles;
    const holder = await profiles.findOneBy({ residentIdHash });
    if (holder && holder.userId !== userId) throw new DomainError('RESIDENT_ID_TAKEN');
    const existing = await profiles.findOneBy({ userId });
    // The number a ban, a live application and a certificate are keyed by: once applied with, it is not the candidate's to change.
    if (existing && existing.residentIdHash !== residentIdHash && (await this.residentIdInUse(userId))) throw new DomainError('RESIDENT_ID_LOCKED');
    const row: CandidateProfileEntity = {
      userId,
      name: request.name,
      residentIdCipher: this.cipher.encrypt(request.residentId),
      residentIdHash,
      residentIdMasked: maskResidentId(request.residentId),
      birthDate: parsed.birthDate,
      sex: parsed.sex,
      phoneCipher: existing?.phoneCipher ?? null,
      phoneHash: existing?.phoneHash ?? null,
      email: request.email ? request.email : null,
      updatedAt: this.clock.now(),
    };
    try {
      await profiles.save(row);
    } catch (error) {
      if (error instanceof QueryFailedError && /unique|duplicate/i.test(error.message)) throw new DomainError('RESIDENT_ID_TAKEN');
      throw error;
    }
    return this.me(userId);
  }

  /**
   * Staff's correction of a candidate's ID number, in the caller's transaction: the profile takes the
   * new number (the lock on candidates' own changes does not apply), and the sealed forms are
   * returned for the applications to carry. Another account's number is refused as ever.
   */
  async correctResidentId(
    manager: EntityManager,
    userId: string | null,
    residentId: string,
  ): Promise<{ residentIdCipher: string; residentIdHash: string; residentIdMasked: string; birthDate: string; sex: 'male' | 'female' }> {
    const parsed = parseResidentId(residentId);
    if (!parsed.ok) throw new DomainError('RESIDENT_ID_INVALID', parsed.error);
    const sealed = {
      residentIdCipher: this.cipher.encrypt(residentId),
      residentIdHash: this.cipher.residentIdHash(residentId),
      residentIdMasked: maskResidentId(residentId),
      birthDate: parsed.birthDate,
      sex: parsed.sex,
    };
    const profiles = manager.getRepository(CandidateProfileEntity);
    const holder = await profiles.findOneBy({ residentIdHash: sealed.residentIdHash });
    if (holder && holder.userId !== userId) throw new DomainError('RESIDENT_ID_TAKEN');
    if (userId) await profiles.update({ userId }, { ...sealed, updatedAt: this.clock.now() });
    return sealed;
  }

  /** Whether a candidate's ID number has been applied with (registered by the applications, which sit above). */
  private residentIdInUse: (userId: string) => Promise<boolean> = () => Promise.resolve(false);

  /** The applications say when a candidate's ID number is theirs to keep: from the first application on. */
  fixResidentIdWhile(inUse: (userId: string) => Promise<boolean>): void {
    this.residentIdInUse = inUse;
  }

  /** The phone-number button's code → the number WeChat verified. Needs the real-name profile first. */
  async savePhone(userId: string, code: string): Promise<MeResponse> {
    const profiles = this.profiles;
    const profile = await profiles.findOneBy({ userId });
    if (!profile) throw new DomainError('PROFILE_INCOMPLETE');
    const phone = await this.wechat.phoneNumber(code);
    if (!isMainlandMobile(phone)) throw new DomainError('WECHAT_PHONE_FAILED', '暂不支持该手机号，请使用中国大陆手机号');
    await profiles.update({ userId }, { ...this.cipher.sealPhone(phone), updatedAt: this.clock.now() });
    return this.me(userId);
  }
}
