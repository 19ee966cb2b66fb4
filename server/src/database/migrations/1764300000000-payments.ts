import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** Payments: one row per WeChat Pay order (bank credits join later), unique by our order number and by WeChat's transaction. */
export class Payments1764300000000 implements MigrationInterface {
  name = 'Payments1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'payments',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('application_id', 36),
          text('channel', 10),
          text('out_trade_no', 32, { isUnique: true }),
          { name: 'amount_fen', type: 'int' },
          text('state', 10),
          text('prepay_id', 64, { isNullable: true }),
          text('transaction_id', 40, { isNullable: true, isUnique: true }),
          timestamp('expires_at'),
          timestamp('paid_at', { isNullable: true }),
          text('flag_reason', 200, { isNullable: true }),
          timestamp('created_at'),
        ],
        indices: [
          { name: 'idx_payments_application', columnNames: ['application_id'] },
          { name: 'idx_payments_state', columnNames: ['state', 'expires_at'] },
        ],
        foreignKeys: [{ columnNames: ['application_id'], referencedTableName: 'applications', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('payments');
  }
}
