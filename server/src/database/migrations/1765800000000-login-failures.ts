import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * Sign-in failures counted per account and client address: an outsider's wrong
 * passwords rest that address, not the account's owner at the counter. The
 * account-wide count (staff_accounts.failed_logins) stays, as a higher ceiling.
 */
export class LoginFailures1765800000000 implements MigrationInterface {
  name = 'LoginFailures1765800000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'login_failures',
        columns: [
          text('account_id', 36, { isPrimary: true }),
          text('address_hash', 64, { isPrimary: true }),
          new TableColumn({ name: 'failures', type: 'int' }),
          timestamp('locked_until', { isNullable: true }),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('login_failures');
  }
}
