import type { QueryRunner, TableColumnOptions } from 'typeorm';

/** Column helpers that read the same on MariaDB and SQLite: utf8mb4 text and millisecond datetimes on MariaDB. */
export function columnKit(runner: QueryRunner) {
  const mysql = runner.connection.options.type === 'mariadb' || runner.connection.options.type === 'mysql';
  const utf8 = mysql ? { charset: 'utf8mb4', collation: 'utf8mb4_unicode_ci' } : {};
  return {
    mysql,
    text: (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      ...utf8,
      ...extra,
    }),
    longText: (name: string): TableColumnOptions => ({ name, type: mysql ? 'mediumtext' : 'text', ...utf8 }),
    timestamp: (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: 'datetime',
      ...(mysql ? { precision: 3 } : {}),
      isNullable: false,
      ...extra,
    }),
  };
}
