import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** A bank credit may pay a whole school batch (one transfer of the batch total). */
export class BankCreditBatches1764700000000 implements MigrationInterface {
  name = 'BankCreditBatches1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text } = columnKit(runner);
    await runner.addColumn('bank_credits', new TableColumn(text('batch_id', 36, { isNullable: true })));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('bank_credits', 'batch_id');
  }
}
