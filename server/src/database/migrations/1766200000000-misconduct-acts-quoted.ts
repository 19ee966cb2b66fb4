import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** A finding names its act in the 参评人员须知's own words (quoted whole, up to ~90 characters), no longer a 60-character paraphrase. */
export class MisconductActsQuoted1766200000000 implements MigrationInterface {
  name = 'MisconductActsQuoted1766200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.changeColumn('misconduct_records', 'act', new TableColumn(columnKit(runner).text('act', 200)));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.changeColumn('misconduct_records', 'act', new TableColumn(columnKit(runner).text('act', 60)));
  }
}
