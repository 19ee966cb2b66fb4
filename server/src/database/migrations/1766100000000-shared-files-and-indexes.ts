import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * Uploaded bytes in the database, so every instance reads what any instance
 * received (the local-disk store stays for the one-process demo); and the
 * indexes every application view needs: a make-up of an application, an application's payments by state.
 */
export class SharedFilesAndIndexes1766100000000 implements MigrationInterface {
  name = 'SharedFilesAndIndexes1766100000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, mysql } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'file_blobs',
        columns: [
          { ...text('id', 36), isPrimary: true },
          // In parts (see DatabaseFileStore): a statement carrying 10 MB would pass MariaDB's max_allowed_packet once escaped.
          { name: 'part', type: 'int', isPrimary: true },
          { name: 'bytes', type: mysql ? 'mediumblob' : 'blob', isNullable: false },
        ],
      }),
    );
    await runner.createIndex('applications', new TableIndex({ name: 'idx_applications_makeup_of', columnNames: ['makeup_of'] }));
    // An application's paid (or paying) order, without walking every payment in that state.
    await runner.createIndex('payments', new TableIndex({ name: 'idx_payments_application_state', columnNames: ['application_id', 'state'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('payments', 'idx_payments_application_state');
    await runner.dropIndex('applications', 'idx_applications_makeup_of');
    await runner.dropTable('file_blobs');
  }
}
