import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** Exam sessions and the seats held in them. */
export class ExamSessions1764000000000 implements MigrationInterface {
  name = 'ExamSessions1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'exam_sessions',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('plan_id', 32),
          text('date', 10),
          text('site', 200),
          text('levels', 20),
          { name: 'capacity', type: 'int' },
          { name: 'seats_taken', type: 'int', default: 0 },
          text('created_by', 36),
          timestamp('created_at'),
        ],
        indices: [{ name: 'idx_exam_sessions_plan_date', columnNames: ['plan_id', 'date'] }],
      }),
    );
    await runner.createForeignKey(
      'exam_sessions',
      new TableForeignKey({ columnNames: ['plan_id'], referencedTableName: 'plans', referencedColumnNames: ['id'] }),
    );
    await runner.createTable(
      new Table({
        name: 'seat_holds',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('session_id', 36),
          text('application_id', 36, { isUnique: true }),
          text('status', 10),
          timestamp('held_until', { isNullable: true }),
          timestamp('created_at'),
        ],
        indices: [{ name: 'idx_seat_holds_session_status', columnNames: ['session_id', 'status'] }],
      }),
    );
    await runner.createForeignKey(
      'seat_holds',
      new TableForeignKey({ columnNames: ['session_id'], referencedTableName: 'exam_sessions', referencedColumnNames: ['id'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('seat_holds');
    await runner.dropTable('exam_sessions');
  }
}
