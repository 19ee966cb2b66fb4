import { Inject, Injectable } from '@nestjs/common';
import { normalizeResidentId } from '@skillcert/shared';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** Marks a sealed file; no JPEG, PNG or PDF starts like this. */
const SEALED_BYTES = Buffer.from('SCSEAL1\n');

/**
 * Resident ID numbers and phone numbers at rest: AES-256-GCM ciphertext to read
 * them back, and a keyed hash (HMAC-SHA256) to find a person without decrypting every row.
 */
@Injectable()
export class PersonalDataCipher {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** base64(iv ‖ tag ‖ ciphertext) */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.config.personalData.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  }

  /** Bytes sealed the same way (a file's content): magic ‖ iv ‖ tag ‖ ciphertext. */
  sealBytes(plain: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.config.personalData.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([SEALED_BYTES, iv, cipher.getAuthTag(), ciphertext]);
  }

  /** Bytes sealed by sealBytes; bytes stored before files were sealed come back as they are. */
  openBytes(stored: Buffer): Buffer {
    if (!stored.subarray(0, SEALED_BYTES.length).equals(SEALED_BYTES)) return stored;
    const raw = stored.subarray(SEALED_BYTES.length);
    const decipher = createDecipheriv('aes-256-gcm', this.config.personalData.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  }

  decrypt(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.config.personalData.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** A phone number's keyed hash, in its own domain: never equal to an ID number's. */
  phoneHash(phone: string): string {
    return createHmac('sha256', this.config.personalData.hmacKey)
      .update(`phone:${phone.replace(/\D/g, '')}`)
      .digest('hex');
  }

  /** A phone number sealed with its hash, for the two columns that keep it. */
  sealPhone(phone: string | null | undefined): { phoneCipher: string | null; phoneHash: string | null } {
    return phone ? { phoneCipher: this.encrypt(phone), phoneHash: this.phoneHash(phone) } : { phoneCipher: null, phoneHash: null };
  }

  residentIdHash(residentId: string): string {
    return createHmac('sha256', this.config.personalData.hmacKey).update(normalizeResidentId(residentId)).digest('hex');
  }
}
