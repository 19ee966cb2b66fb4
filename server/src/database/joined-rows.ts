import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Hand-written joins read back as entities. A view that needs ten tables is
 * one statement with ten joins (or one UNION), not ten round trips; these two
 * helpers keep that SQL honest about columns and types: every column of the
 * entity is selected under `alias__column`, and read back through the driver's
 * own conversion (dates on SQLite, JSON and list transformers), so a joined
 * row is exactly what `find` would have returned.
 */
export function selectColumns(db: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string, present = true): string {
  return db
    .getMetadata(entity)
    .columns.map(
      (column) => `${present ? `${alias}.${db.driver.escape(column.databaseName)}` : 'NULL'} AS ${db.driver.escape(`${alias}__${column.databaseName}`)}`,
    )
    .join(', ');
}

/** The entity under `alias` in a raw row; undefined when the join found nothing (its primary key is null). */
export function hydrate<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, alias: string, raw: Record<string, unknown>): T | undefined {
  const metadata = db.getMetadata(entity);
  if (metadata.primaryColumns.some((column) => raw[`${alias}__${column.databaseName}`] == null)) return undefined;
  const row: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    const value = raw[`${alias}__${column.databaseName}`];
    row[column.propertyName] = db.driver.prepareHydratedValue(value, column);
  }
  return row as T;
}

/** `IN (?, ?, …)` for a list of values, never empty (an empty list matches nothing). */
export function inList(values: readonly unknown[]): string {
  return values.length ? `(${values.map(() => '?').join(', ')})` : '(NULL)';
}
