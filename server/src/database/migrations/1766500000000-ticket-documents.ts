import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/** Ticket PDFs drawn ahead of their release, kept sealed in the file store: which fits which seat (or class) as it reads now. */
export class TicketDocuments1766500000000 implements MigrationInterface {
  name = 'TicketDocuments1766500000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'ticket_documents',
        columns: [{ ...text('document_key', 64), isPrimary: true }, text('fingerprint', 64), text('file_key', 36), timestamp('rendered_at')],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('ticket_documents');
  }
}
