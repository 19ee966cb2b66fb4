import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** WeChat users, their sign-in sessions and their real-name profiles. */
export class Identity1763900000000 implements MigrationInterface {
  name = 'Identity1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'users',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('openid', 64, { isUnique: true }),
          text('unionid', 64, { isNullable: true }),
          timestamp('created_at'),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'auth_sessions',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('user_id', 36),
          text('token_hash', 64, { isUnique: true }),
          timestamp('expires_at'),
          timestamp('revoked_at', { isNullable: true }),
          timestamp('created_at'),
        ],
        indices: [{ name: 'idx_auth_sessions_user', columnNames: ['user_id'] }],
      }),
    );
    await runner.createForeignKey(
      'auth_sessions',
      new TableForeignKey({ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }),
    );
    await runner.createTable(
      new Table({
        name: 'candidate_profiles',
        columns: [
          text('user_id', 36, { isPrimary: true }),
          text('name', 60),
          text('resident_id_cipher', 120),
          text('resident_id_hash', 64, { isUnique: true }),
          text('resident_id_masked', 18),
          text('birth_date', 10),
          text('sex', 6),
          text('phone', 20, { isNullable: true }),
          text('email', 100, { isNullable: true }),
          timestamp('updated_at'),
        ],
      }),
    );
    await runner.createForeignKey(
      'candidate_profiles',
      new TableForeignKey({ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('candidate_profiles');
    await runner.dropTable('auth_sessions');
    await runner.dropTable('users');
  }
}
