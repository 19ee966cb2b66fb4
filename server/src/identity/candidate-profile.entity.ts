import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RealNameRecord } from '../access';

/** The real-name record of a candidate. The ID number is never stored in clear. */
@Entity('candidate_profiles')
export class CandidateProfileEntity implements RealNameRecord {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ name: 'resident_id_cipher', type: 'varchar', length: 120 })
  residentIdCipher: string;

  /** HMAC of the ID number: one person, one account, across every body on the platform. */
  @Column({ name: 'resident_id_hash', type: 'varchar', length: 64, unique: true })
  residentIdHash: string;

  @Column({ name: 'resident_id_masked', type: 'varchar', length: 18 })
  residentIdMasked: string;

  @Column({ name: 'birth_date', type: 'varchar', length: 10 })
  birthDate: string;

  @Column({ type: 'varchar', length: 6 })
  sex: 'male' | 'female';

  /** The number WeChat verified, sealed like the ID number (AES-256-GCM): read back only to show its owner. */
  @Column({ name: 'phone_cipher', type: 'varchar', length: 100, nullable: true })
  phoneCipher: string | null;

  /** Its keyed hash, to match a school's roster without decrypting. */
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  email: string | null;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
