import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * Plans kept by the body's admins: the revision candidates see (the shipped plans are revision 1), the
 * next one being edited, the notice the texts are quoted from, and who changed and published what.
 */
export class PlanRevisions1766700000000 implements MigrationInterface {
  name = 'PlanRevisions1766700000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, longText, timestamp } = columnKit(runner);
    await runner.addColumns('plans', [
      new TableColumn({ name: 'revision', type: 'int', default: 1 }),
      new TableColumn({ ...longText('draft_pack'), isNullable: true }),
      new TableColumn({ ...longText('notice_text'), isNullable: true }),
      new TableColumn(timestamp('published_at', { isNullable: true })),
      new TableColumn(text('published_by', 36, { isNullable: true })),
    ]);
    await runner.createTable(
      new Table({
        name: 'plan_changes',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('plan_id', 32),
          { name: 'revision', type: 'int' },
          text('action', 16),
          text('staff_id', 36),
          timestamp('at'),
        ],
        indices: [{ columnNames: ['plan_id', 'at'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('plan_changes');
    for (const column of ['published_by', 'published_at', 'notice_text', 'draft_pack', 'revision']) await runner.dropColumn('plans', column);
  }
}
