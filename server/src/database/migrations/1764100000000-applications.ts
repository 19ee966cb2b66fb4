import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** Applications and their state history. */
export class Applications1764100000000 implements MigrationInterface {
  name = 'Applications1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, longText, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'applications',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('user_id', 36),
          text('plan_id', 32),
          { name: 'level', type: 'int' },
          text('channel', 12),
          text('state', 12),
          text('active_key', 100, { isNullable: true, isUnique: true }),
          text('applied_on', 10),
          text('assess_by', 10, { isNullable: true }),
          longText('facts'),
          longText('verdict'),
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          { name: 'idx_applications_user', columnNames: ['user_id'] },
          { name: 'idx_applications_plan_state', columnNames: ['plan_id', 'state'] },
        ],
      }),
    );
    await runner.createForeignKey(
      'applications',
      new TableForeignKey({ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }),
    );
    await runner.createForeignKey(
      'applications',
      new TableForeignKey({ columnNames: ['plan_id'], referencedTableName: 'plans', referencedColumnNames: ['id'] }),
    );
    await runner.createTable(
      new Table({
        name: 'application_events',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('application_id', 36),
          text('from_state', 12, { isNullable: true }),
          text('to_state', 12),
          text('actor_kind', 12),
          text('actor_id', 36, { isNullable: true }),
          text('note', 500, { isNullable: true }),
          timestamp('at'),
        ],
        indices: [{ name: 'idx_application_events_application', columnNames: ['application_id', 'at'] }],
      }),
    );
    await runner.createForeignKey(
      'application_events',
      new TableForeignKey({ columnNames: ['application_id'], referencedTableName: 'applications', referencedColumnNames: ['id'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('application_events');
    await runner.dropTable('applications');
  }
}
