import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** Imported bank statement credits, one row per credit however often the statement is imported. */
export class BankCredits1764500000000 implements MigrationInterface {
  name = 'BankCredits1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, longText, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'bank_credits',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('body_id', 32),
          text('credit_key', 300),
          timestamp('received_at'),
          { name: 'amount_fen', type: 'int' },
          text('payer', 100),
          text('remark', 200),
          text('status', 12),
          text('reason', 100, { isNullable: true }),
          { ...longText('candidates'), isNullable: true },
          text('application_id', 36, { isNullable: true }),
          text('decided_by', 36, { isNullable: true }),
          timestamp('created_at'),
        ],
        indices: [
          { name: 'uq_bank_credits_key', columnNames: ['body_id', 'credit_key'], isUnique: true },
          { name: 'idx_bank_credits_status', columnNames: ['body_id', 'status'] },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('bank_credits');
  }
}
