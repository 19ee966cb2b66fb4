import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * Evaluation bodies and their plans. Written against TypeORM's schema API so
 * the same migration runs on MariaDB and on the embedded SQLite.
 */
export class Init1763800000000 implements MigrationInterface {
  name = 'Init1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, longText, timestamp } = columnKit(runner);

    await runner.createTable(
      new Table({
        name: 'evaluation_bodies',
        columns: [text('id', 32, { isPrimary: true }), text('name', 100), text('short_name', 50), text('city', 20), timestamp('updated_at')],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'plans',
        columns: [
          text('id', 32, { isPrimary: true }),
          text('body_id', 32),
          text('title', 200),
          { name: 'year', type: 'int' },
          text('occupation_code', 20),
          longText('pack'),
          text('pack_hash', 64),
          timestamp('updated_at'),
        ],
        indices: [{ name: 'idx_plans_body', columnNames: ['body_id'] }],
      }),
    );
    await runner.createForeignKey(
      'plans',
      new TableForeignKey({ columnNames: ['body_id'], referencedTableName: 'evaluation_bodies', referencedColumnNames: ['id'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('plans');
    await runner.dropTable('evaluation_bodies');
  }
}
