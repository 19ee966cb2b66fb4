import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** Each body's bank statement columns, mapped once by its finance staff. */
export class StatementColumns1764900000000 implements MigrationInterface {
  name = 'StatementColumns1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'statement_columns',
        columns: [
          text('body_id', 36, { isPrimary: true }),
          text('received_at', 40),
          text('amount', 40),
          text('payer', 40),
          text('remark', 40),
          text('reference', 40, { isNullable: true }),
          text('updated_by', 36),
          timestamp('updated_at'),
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('statement_columns');
  }
}
