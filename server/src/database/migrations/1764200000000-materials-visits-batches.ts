import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnKit } from './column-kit';

/**
 * Uploaded files and the materials and commitments of an application; visits to
 * the acceptance point; group batches. Applications now carry the applicant's
 * real-name snapshot, so a student declared by a school is an applicant before
 * they have an account (user_id is filled when they claim it).
 */
export class MaterialsVisitsBatches1764200000000 implements MigrationInterface {
  name = 'MaterialsVisitsBatches1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    const { text, longText, timestamp } = columnKit(runner);
    await runner.createTable(
      new Table({
        name: 'files',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('owner_kind', 12),
          text('owner_id', 36),
          text('type', 40),
          { name: 'bytes', type: 'int' },
          text('sha256', 64),
          timestamp('created_at'),
        ],
        indices: [{ name: 'idx_files_owner', columnNames: ['owner_kind', 'owner_id'] }],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'batches',
        columns: [
          text('id', 36, { isPrimary: true }),
          text('institution_id', 36),
          text('plan_id', 32),
          { name: 'level', type: 'int' },
          text('name', 60),
          text('state', 12),
          text('created_by', 36),
          timestamp('created_at'),
          timestamp('submitted_at', { isNullable: true }),
        ],
        indices: [{ name: 'idx_batches_institution', columnNames: ['institution_id'] }],
        foreignKeys: [
          { columnNames: ['institution_id'], referencedTableName: 'institutions', referencedColumnNames: ['id'] },
          { columnNames: ['plan_id'], referencedTableName: 'plans', referencedColumnNames: ['id'] },
        ],
      }),
    );

    await runner.changeColumn('applications', 'user_id', new TableColumn(text('user_id', 36, { isNullable: true })));
    await runner.addColumns('applications', [
      new TableColumn(text('applicant_name', 60, { isNullable: true })),
      new TableColumn(text('resident_id_cipher', 120, { isNullable: true })),
      new TableColumn(text('resident_id_hash', 64, { isNullable: true })),
      new TableColumn(text('resident_id_masked', 18, { isNullable: true })),
      new TableColumn(text('birth_date', 10, { isNullable: true })),
      new TableColumn(text('phone', 20, { isNullable: true })),
      new TableColumn(text('batch_id', 36, { isNullable: true })),
      new TableColumn({ name: 'batch_row', type: 'int', isNullable: true }),
      new TableColumn(text('prereview', 12, { isNullable: true })),
      new TableColumn(text('prereview_note', 200, { isNullable: true })),
    ]);
    // Applications made before this change take the applicant from the profile.
    for (const [column, source] of [
      ['applicant_name', 'name'],
      ['resident_id_cipher', 'resident_id_cipher'],
      ['resident_id_hash', 'resident_id_hash'],
      ['resident_id_masked', 'resident_id_masked'],
      ['birth_date', 'birth_date'],
    ]) {
      await runner.query(`UPDATE applications SET ${column} = (SELECT p.${source} FROM candidate_profiles p WHERE p.user_id = applications.user_id)`);
    }
    await runner.createIndex('applications', new TableIndex({ name: 'idx_applications_batch', columnNames: ['batch_id'] }));
    await runner.createIndex('applications', new TableIndex({ name: 'idx_applications_person', columnNames: ['resident_id_hash'] }));
    await runner.addColumn('application_events', new TableColumn({ ...longText('corrections'), isNullable: true }));

    await runner.createTable(
      new Table({
        name: 'application_materials',
        columns: [
          text('application_id', 36, { isPrimary: true }),
          text('file_id', 36, { isPrimary: true }),
          text('material_id', 40),
          { name: 'position', type: 'int' },
        ],
        foreignKeys: [
          { columnNames: ['application_id'], referencedTableName: 'applications', referencedColumnNames: ['id'] },
          { columnNames: ['file_id'], referencedTableName: 'files', referencedColumnNames: ['id'] },
        ],
        indices: [{ name: 'idx_application_materials_file', columnNames: ['file_id'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'application_commitments',
        columns: [
          text('application_id', 36, { isPrimary: true }),
          text('material_id', 40, { isPrimary: true }),
          text('signed_name', 60),
          // The text as signed: the plan's wording may change later, what was promised may not.
          longText('text'),
          timestamp('signed_at'),
        ],
        foreignKeys: [{ columnNames: ['application_id'], referencedTableName: 'applications', referencedColumnNames: ['id'] }],
      }),
    );

    await runner.createTable(
      new Table({
        name: 'visit_slots',
        // The slot's start as an ISO instant string: an exact key on both databases.
        columns: [text('plan_id', 32, { isPrimary: true }), text('slot_start', 24, { isPrimary: true }), { name: 'taken', type: 'int', default: 0 }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'visit_bookings',
        columns: [
          text('application_id', 36, { isPrimary: true }),
          text('plan_id', 32),
          text('slot_start', 24),
          text('code', 12, { isUnique: true }),
          timestamp('created_at'),
        ],
        foreignKeys: [{ columnNames: ['application_id'], referencedTableName: 'applications', referencedColumnNames: ['id'] }],
      }),
    );
    await runner.createForeignKey(
      'applications',
      new TableForeignKey({ columnNames: ['batch_id'], referencedTableName: 'batches', referencedColumnNames: ['id'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('visit_bookings');
    await runner.dropTable('visit_slots');
    await runner.dropTable('application_commitments');
    await runner.dropTable('application_materials');
    await runner.dropColumn('application_events', 'corrections');
    const applications = await runner.getTable('applications');
    const batchKey = applications?.foreignKeys.find((k) => k.columnNames.includes('batch_id'));
    if (batchKey) await runner.dropForeignKey('applications', batchKey);
    await runner.dropIndex('applications', 'idx_applications_batch');
    await runner.dropIndex('applications', 'idx_applications_person');
    for (const column of [
      'applicant_name',
      'resident_id_cipher',
      'resident_id_hash',
      'resident_id_masked',
      'birth_date',
      'phone',
      'batch_id',
      'batch_row',
      'prereview',
      'prereview_note',
    ]) {
      await runner.dropColumn('applications', column);
    }
    await runner.dropTable('batches');
    await runner.dropTable('files');
  }
}
