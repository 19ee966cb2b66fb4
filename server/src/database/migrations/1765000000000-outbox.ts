import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * Messages leave through an outbox written in the same transaction as the
 * change that causes them; `dedupe_key` makes a message that must exist once
 * (this candidate's ticket notice) impossible to write twice. A seat remembers
 * when its ticket notices were written, so the scheduler looks at each seat once,
 * and its ticket number; a session, when each subject starts.
 */
export class Outbox1765000000000 implements MigrationInterface {
  name = 'Outbox1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, longText, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'outbox',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('kind', 20),
          text('channel', 10),
          text('user_id', 36, { isNullable: true }),
          text('recipient', 200),
          text('template_id', 64, { isNullable: true }),
          longText('payload'),
          text('dedupe_key', 120, { isUnique: true }),
          text('state', 10),
          { name: 'attempts', type: 'int', default: 0 },
          timestamp('next_attempt_at'),
          timestamp('lease_until', { isNullable: true }),
          text('outcome', 200, { isNullable: true }),
          timestamp('sent_at', { isNullable: true }),
          timestamp('created_at'),
        ],
        indices: [{ name: 'idx_outbox_due', columnNames: ['state', 'next_attempt_at'] }],
      }),
    );
    await runner.addColumns('seat_holds', [
      new TableColumn(timestamp('ticket_notice_at', { isNullable: true })),
      new TableColumn(text('ticket_no', 16, { isNullable: true, isUnique: true })),
    ]);
    await runner.addColumns('exam_sessions', [
      new TableColumn(text('theory_at', 5, { default: "'09:00'" })),
      new TableColumn(text('practical_at', 5, { default: "'13:30'" })),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('exam_sessions', 'practical_at');
    await runner.dropColumn('exam_sessions', 'theory_at');
    await runner.dropColumn('seat_holds', 'ticket_no');
    await runner.dropColumn('seat_holds', 'ticket_notice_at');
    await runner.dropTable('outbox');
  }
}
