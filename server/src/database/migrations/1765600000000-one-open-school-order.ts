import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * At most one open WeChat order per school batch: `open_batch_id` holds the
 * batch while the order is pending and is cleared when it is paid, closed or
 * flagged; a unique index lets two clerks' simultaneous clicks make one order.
 */
export class OneOpenSchoolOrder1765600000000 implements MigrationInterface {
  name = 'OneOpenSchoolOrder1765600000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text } = columnKit(runner);
    await runner.addColumn('payments', new TableColumn(text('open_batch_id', 36, { isNullable: true })));
    await runner.query("UPDATE payments SET open_batch_id = batch_id WHERE batch_id IS NOT NULL AND state = 'pending'");
    await runner.createIndex('payments', new TableIndex({ name: 'uq_payments_open_batch', columnNames: ['open_batch_id'], isUnique: true }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('payments', 'uq_payments_open_batch');
    await runner.dropColumn('payments', 'open_batch_id');
  }
}
