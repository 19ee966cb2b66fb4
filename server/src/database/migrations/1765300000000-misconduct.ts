import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * Misconduct findings, each naming its author; a ban is the person's (by ID
 * hash), so it holds on every plan of every body until its last day.
 */
export class Misconduct1765300000000 implements MigrationInterface {
  name = 'Misconduct1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'misconduct_records',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('application_id', 36),
          text('session_id', 36, { isNullable: true }),
          text('resident_id_hash', 64),
          { name: 'article', type: 'int' },
          text('act', 60),
          text('subject', 10, { isNullable: true }),
          text('severity', 10, { isNullable: true }),
          text('note', 500),
          text('occurred_on', 10),
          { name: 'after_event', type: 'boolean', default: false },
          text('penalty', 200),
          text('banned_through', 10, { isNullable: true }),
          text('recorded_by', 36),
          timestamp('recorded_at'),
        ],
        indices: [
          { name: 'idx_misconduct_person', columnNames: ['resident_id_hash', 'banned_through'] },
          { name: 'idx_misconduct_application', columnNames: ['application_id'] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('misconduct_records');
  }
}
