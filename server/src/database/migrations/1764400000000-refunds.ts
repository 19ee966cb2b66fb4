import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** Refunds of paid WeChat orders, for applications the body cancels. */
export class Refunds1764400000000 implements MigrationInterface {
  name = 'Refunds1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.addColumns('payments', [
      new TableColumn(text('refund_state', 10, { isNullable: true })),
      new TableColumn(text('out_refund_no', 32, { isNullable: true })),
      new TableColumn(timestamp('refunded_at', { isNullable: true })),
    ]);
    await runner.createIndex('payments', new TableIndex({ name: 'uq_payments_out_refund_no', columnNames: ['out_refund_no'], isUnique: true }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('payments', 'uq_payments_out_refund_no');
    await runner.dropColumns('payments', ['refund_state', 'out_refund_no', 'refunded_at']);
  }
}
