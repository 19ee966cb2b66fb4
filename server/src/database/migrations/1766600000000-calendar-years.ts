import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** The working-day years admins enter when the built-in calendar does not know them (the State Council's arrangement for the next year). */
export class CalendarYears1766600000000 implements MigrationInterface {
  name = 'CalendarYears1766600000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, longText, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'calendar_years',
        columns: [{ name: 'year', type: 'int', isPrimary: true }, longText('holidays'), longText('workdays'), text('updated_by', 36), timestamp('updated_at')],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('calendar_years');
  }
}
