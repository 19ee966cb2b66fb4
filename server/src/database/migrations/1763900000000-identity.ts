import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** WeChat users and their real-name profiles; staff and institution accounts; the sessions of both. */
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
        name: 'institutions',
        columns: [text('id', 36, { isPrimary: true }), text('body_id', 32), text('name', 100), timestamp('created_at')],
        uniques: [{ name: 'uq_institutions_body_name', columnNames: ['body_id', 'name'] }],
      }),
    );
    await runner.createForeignKey(
      'institutions',
      new TableForeignKey({ columnNames: ['body_id'], referencedTableName: 'evaluation_bodies', referencedColumnNames: ['id'] }),
    );
    await runner.createTable(
      new Table({
        name: 'staff_accounts',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('body_id', 32),
          text('username', 40, { isUnique: true }),
          text('display_name', 40),
          text('password_hash', 200),
          text('kind', 12),
          text('roles', 60),
          text('institution_id', 36, { isNullable: true }),
          { name: 'failed_logins', type: 'int', default: 0 },
          timestamp('locked_until', { isNullable: true }),
          timestamp('created_at'),
        ],
      }),
    );
    await runner.createForeignKey(
      'staff_accounts',
      new TableForeignKey({ columnNames: ['body_id'], referencedTableName: 'evaluation_bodies', referencedColumnNames: ['id'] }),
    );
    await runner.createForeignKey(
      'staff_accounts',
      new TableForeignKey({ columnNames: ['institution_id'], referencedTableName: 'institutions', referencedColumnNames: ['id'] }),
    );
    // One table for both kinds of principal: exactly one of user_id and staff_id is set.
    await runner.createTable(
      new Table({
        name: 'auth_sessions',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('user_id', 36, { isNullable: true }),
          text('staff_id', 36, { isNullable: true }),
          text('token_hash', 64, { isUnique: true }),
          timestamp('expires_at'),
          timestamp('revoked_at', { isNullable: true }),
          timestamp('created_at'),
        ],
        indices: [
          { name: 'idx_auth_sessions_user', columnNames: ['user_id'] },
          { name: 'idx_auth_sessions_staff', columnNames: ['staff_id'] },
        ],
      }),
    );
    await runner.createForeignKey(
      'auth_sessions',
      new TableForeignKey({ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }),
    );
    await runner.createForeignKey(
      'auth_sessions',
      new TableForeignKey({ columnNames: ['staff_id'], referencedTableName: 'staff_accounts', referencedColumnNames: ['id'] }),
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
    await runner.dropTable('staff_accounts');
    await runner.dropTable('institutions');
    await runner.dropTable('users');
  }
}
