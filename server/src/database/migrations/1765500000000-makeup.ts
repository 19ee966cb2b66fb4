import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** A make-up (补考) application: the sitting it makes up for, and only the subjects it covers. */
export class Makeup1765500000000 implements MigrationInterface {
  name = 'Makeup1765500000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text } = columnKit(runner);
    await runner.addColumns('applications', [
      new TableColumn(text('makeup_of', 36, { isNullable: true })),
      new TableColumn(text('subjects', 40, { isNullable: true })),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('applications', 'subjects');
    await runner.dropColumn('applications', 'makeup_of');
  }
}
