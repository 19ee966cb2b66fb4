import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** Exam day: when a seat's candidate was checked in at the door, and by which proctor. */
export class CheckIn1765100000000 implements MigrationInterface {
  name = 'CheckIn1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.addColumns('seat_holds', [
      new TableColumn(timestamp('checked_in_at', { isNullable: true })),
      new TableColumn(text('checked_in_by', 36, { isNullable: true })),
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('seat_holds', 'checked_in_by');
    await runner.dropColumn('seat_holds', 'checked_in_at');
  }
}
