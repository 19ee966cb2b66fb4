import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * Staff accounts an admin can stop and start, and give a temporary password
 * that must be replaced; sessions that remember when their holder signed in, so
 * refreshing cannot keep one alive for ever.
 */
export class StaffLifecycle1765900000000 implements MigrationInterface {
  name = 'StaffLifecycle1765900000000';

  async up(runner: QueryRunner): Promise<void> {
    const { timestamp } = columnKit(runner);
    await runner.addColumns('staff_accounts', [
      new TableColumn(timestamp('disabled_at', { isNullable: true })),
      new TableColumn({ name: 'must_change_password', type: 'boolean', default: false }),
    ]);
    await runner.addColumn('auth_sessions', new TableColumn(timestamp('signed_in_at', { isNullable: true })));
    await runner.query('UPDATE auth_sessions SET signed_in_at = created_at');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('auth_sessions', 'signed_in_at');
    await runner.dropColumn('staff_accounts', 'must_change_password');
    await runner.dropColumn('staff_accounts', 'disabled_at');
  }
}
