import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * A school pays its class with one WeChat Pay (Native) order: the order's row
 * belongs to the batch, not to one application; each member's share is a row
 * of its own pointing at the order. `paying_at`: the app said the candidate
 * finished paying, WeChat has not confirmed yet.
 */
export class BatchPayments1764800000000 implements MigrationInterface {
  name = 'BatchPayments1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.changeColumn('payments', 'application_id', new TableColumn(text('application_id', 36, { isNullable: true })));
    await runner.addColumns('payments', [
      new TableColumn(text('batch_id', 36, { isNullable: true })),
      new TableColumn(text('order_id', 36, { isNullable: true })),
      new TableColumn(text('code_url', 128, { isNullable: true })),
      new TableColumn(timestamp('paying_at', { isNullable: true })),
    ]);
    await runner.createIndex('payments', new TableIndex({ name: 'idx_payments_batch', columnNames: ['batch_id'] }));
    await runner.createIndex('payments', new TableIndex({ name: 'idx_payments_order', columnNames: ['order_id'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('payments', 'idx_payments_order');
    await runner.dropIndex('payments', 'idx_payments_batch');
    for (const column of ['paying_at', 'code_url', 'order_id', 'batch_id']) await runner.dropColumn('payments', column);
    await runner.query('DELETE FROM payments WHERE application_id IS NULL');
    await runner.changeColumn('payments', 'application_id', new TableColumn(columnKit(runner).text('application_id', 36)));
  }
}
