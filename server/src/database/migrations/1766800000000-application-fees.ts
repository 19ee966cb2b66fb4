import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Each application keeps the fee it was made at: a plan's next revision may price its levels anew. */
export class ApplicationFees1766800000000 implements MigrationInterface {
  name = 'ApplicationFees1766800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('applications', new TableColumn({ name: 'fee_fen', type: 'int', isNullable: true }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('applications', 'fee_fen');
  }
}
