import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** 我已转账: the account a candidate says the fee came from, and when they said so — matched like their own name. */
export class TransferNotices1766300000000 implements MigrationInterface {
  name = 'TransferNotices1766300000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.addColumns('applications', [
      new TableColumn(text('transfer_payer', 60, { isNullable: true })),
      new TableColumn(timestamp('transfer_noted_at', { isNullable: true })),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('applications', 'transfer_noted_at');
    await runner.dropColumn('applications', 'transfer_payer');
  }
}
