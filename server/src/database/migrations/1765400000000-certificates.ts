import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** Certificates: a unique number per body, the holder's name as on the ID, status, and how it reaches them. */
export class Certificates1765400000000 implements MigrationInterface {
  name = 'Certificates1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'certificates',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('number', 20, { isUnique: true }),
          text('body_id', 36),
          text('application_id', 36, { isUnique: true }),
          text('holder_name', 60),
          text('resident_id_hash', 64),
          text('plan_id', 32),
          { name: 'level', type: 'int' },
          text('issued_on', 10),
          text('status', 10),
          text('revoked_on', 10, { isNullable: true }),
          text('revoke_reason', 200, { isNullable: true }),
          text('revoked_by', 36, { isNullable: true }),
          text('collection', 12),
          text('address', 200, { isNullable: true }),
          timestamp('handed_over_at', { isNullable: true }),
          text('handed_over_by', 36, { isNullable: true }),
          text('tracking_no', 40, { isNullable: true }),
          timestamp('created_at'),
        ],
        indices: [{ name: 'idx_certificates_holder', columnNames: ['resident_id_hash'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('certificates');
  }
}
