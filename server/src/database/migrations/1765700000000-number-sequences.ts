import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * Named running numbers (ticket numbers per exam day, certificate numbers per
 * body and year), taken under the sequence's row lock. Rows are created on first
 * use, starting after the highest number already issued.
 */
export class NumberSequences1765700000000 implements MigrationInterface {
  name = 'NumberSequences1765700000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text } = columnKit(runner);
    await runner.createTable(
      new Table({ name: 'number_sequences', columns: [text('name', 60, { isPrimary: true }), new TableColumn({ name: 'last', type: 'int' })] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('number_sequences');
  }
}
