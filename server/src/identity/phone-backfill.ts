import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JoinedReads } from '../database/joined-rows';
import { UnitOfWork } from '../database/unit-of-work';
import { PersonalDataCipher } from './personal-data.cipher';

/** Where phone numbers were kept in clear before they were sealed, and each row's key. */
const CLEAR_PHONES = [
  { table: 'candidate_profiles', key: 'user_id' },
  { table: 'applications', key: 'id' },
] as const;

/**
 * Seals the phone numbers stored in clear before they were encrypted, once, at
 * start-up (migrations have no key). Each row is written only if its clear value
 * is still the one read, so several instances starting together do no harm.
 */
@Injectable()
export class PhoneBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger('PhoneBackfill');

  constructor(
    private readonly reads: JoinedReads,
    private readonly uow: UnitOfWork,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let sealed = 0;
    for (const { table, key } of CLEAR_PHONES) {
      for (;;) {
        const rows = (await this.reads.query(`SELECT ${key} AS k, phone FROM ${table} WHERE phone IS NOT NULL LIMIT 500`, [])) as {
          k: string;
          phone: string;
        }[];
        if (!rows.length) break;
        for (const row of rows) {
          const { phoneCipher, phoneHash } = this.cipher.sealPhone(row.phone);
          await this.uow.run((manager) =>
            manager.query(`UPDATE ${table} SET phone_cipher = ?, phone_hash = ?, phone = NULL WHERE ${key} = ? AND phone = ?`, [
              phoneCipher,
              phoneHash,
              row.k,
              row.phone,
            ]),
          );
          sealed++;
        }
      }
    }
    if (sealed) this.logger.log({ event: 'phones-sealed', rows: sealed });
  }
}
