import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * Results: each sitting's marks per subject (a score, absent, or cancelled for
 * misconduct), who entered them; a session's results published once, by whom.
 */
export class Results1765200000000 implements MigrationInterface {
  name = 'Results1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, longText, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'exam_results',
        columns: [text('application_id', 36, { isPrimary: true }), text('session_id', 36), longText('marks'), text('entered_by', 36), timestamp('entered_at')],
        indices: [{ name: 'idx_exam_results_session', columnNames: ['session_id'] }],
      }),
    );
    await runner.addColumns('exam_sessions', [
      new TableColumn(timestamp('results_published_at', { isNullable: true })),
      new TableColumn(text('results_published_by', 36, { isNullable: true })),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('exam_sessions', 'results_published_by');
    await runner.dropColumn('exam_sessions', 'results_published_at');
    await runner.dropTable('exam_results');
  }
}
