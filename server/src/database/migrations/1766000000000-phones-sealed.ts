import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * Phone numbers sealed like ID numbers: ciphertext and a keyed hash. The
 * numbers already stored in clear are sealed by the server at start-up (it holds
 * the key; migrations do not) and their clear column is emptied then.
 */
export class PhonesSealed1766000000000 implements MigrationInterface {
  name = 'PhonesSealed1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text } = columnKit(runner);
    for (const table of ['candidate_profiles', 'applications']) {
      await runner.addColumns(table, [
        new TableColumn(text('phone_cipher', 100, { isNullable: true })),
        new TableColumn(text('phone_hash', 64, { isNullable: true })),
      ]);
    }
    await runner.createIndex('applications', new TableIndex({ name: 'idx_applications_phone_hash', columnNames: ['phone_hash'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('applications', 'idx_applications_phone_hash');
    for (const table of ['candidate_profiles', 'applications']) {
      await runner.dropColumn(table, 'phone_hash');
      await runner.dropColumn(table, 'phone_cipher');
    }
  }
}
