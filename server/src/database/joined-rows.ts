import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';

/**
 * Hand-written joins read back as entities. A view that needs ten tables is
 * one statement with ten joins (or one UNION), not ten round trips; these
 * helpers keep that SQL honest about columns and types: each column is
 * selected under `alias__column` and read back through the driver's own
 * conversion (dates on SQLite, JSON and list transformers), so a joined row is
 * what `find` would have returned. `only` names the properties a view needs
 * (the primary key is always read): every column costs its metadata on the
 * wire and its parsing, on every request.
 */
export function selectColumns<T extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<T>,
  alias: string,
  options: { present?: boolean; only?: readonly (keyof T & string)[] } = {},
): string {
  return columnsOf(db, entity, options.only)
    .map(
      (column) =>
        `${options.present === false ? 'NULL' : `${alias}.${db.driver.escape(column.databaseName)}`} AS ${db.driver.escape(`${alias}__${column.databaseName}`)}`,
    )
    .join(', ');
}

/** The entity under `alias` in a raw row (only the properties selected); undefined when the join found nothing. */
export function hydrate<T extends ObjectLiteral, K extends keyof T & string = keyof T & string>(
  db: DataSource,
  entity: EntityTarget<T>,
  alias: string,
  raw: Record<string, unknown>,
  only?: readonly K[],
): Pick<T, K> | undefined {
  const metadata = db.getMetadata(entity);
  if (metadata.primaryColumns.some((column) => raw[`${alias}__${column.databaseName}`] == null)) return undefined;
  const row: Record<string, unknown> = {};
  for (const column of columnsOf(db, entity, only)) row[column.propertyName] = db.driver.prepareHydratedValue(raw[`${alias}__${column.databaseName}`], column);
  return row as Pick<T, K>;
}

function columnsOf(db: DataSource, entity: EntityTarget<ObjectLiteral>, only?: readonly string[]) {
  const metadata = db.getMetadata(entity);
  return only ? metadata.columns.filter((column) => column.isPrimary || only.includes(column.propertyName)) : metadata.columns;
}

/** `IN (?, ?, …)` for a list of values, never empty (an empty list matches nothing). */
export function inList(values: readonly unknown[]): string {
  return values.length ? `(${values.map(() => '?').join(', ')})` : '(NULL)';
}

/** Distinct IN-list lengths a prepared read may take: a list is padded up to the next (see `readRows`). */
const LIST_SIZES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

/** A list padded to one of a few lengths by repeating its last value: the same rows, and few distinct statements to prepare. */
export function paddedList<T>(values: readonly T[]): T[] {
  const size = LIST_SIZES.find((n) => n >= values.length);
  if (!size || values.length === 0) return [...values];
  return [...values, ...Array.from({ length: size - values.length }, () => values[values.length - 1] as T)];
}

interface PreparingPool {
  execute(sql: string, params: unknown[], done: (error: Error | null, rows: unknown) => void): void;
}

/**
 * A read on the hot path (sign-in, views): on MariaDB a prepared statement,
 * parsed once per connection and answered in the binary protocol — a third less
 * of the database's time than the same text sent as a query; on SQLite
 * TypeORM's own statement cache does the same. Only for statements of a fixed
 * shape (`paddedList` for id lists): the server keeps each one prepared.
 */
export function readRows(db: DataSource, sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]> {
  const pool = db.options.type === 'mariadb' || db.options.type === 'mysql' ? (db.driver as unknown as { pool?: PreparingPool }).pool : undefined;
  if (!pool) return db.query(sql, [...params]);
  return new Promise((resolve, reject) =>
    pool.execute(sql, [...params], (error, rows) => (error ? reject(error) : resolve(rows as Record<string, unknown>[]))),
  );
}

/**
 * The door for read models (the application's view, the session lookup at sign-in, the intake's checks):
 * one statement over several features' tables, read back as their entities. Services that only touch
 * their own tables get repositories instead; nothing else is handed the database itself.
 */
@Injectable()
export class JoinedReads {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A read of a fixed shape, prepared once per connection (see `readRows`). */
  rows(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]> {
    return readRows(this.db, sql, params);
  }

  /** A read whose shape varies (an IN list of any length): sent as text, not kept prepared. */
  query(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]> {
    return this.db.query(sql, [...params]);
  }

  columns<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string, options: { present?: boolean; only?: readonly (keyof T & string)[] } = {}): string {
    return selectColumns(this.db, entity, alias, options);
  }

  hydrate<T extends ObjectLiteral, K extends keyof T & string = keyof T & string>(
    entity: EntityTarget<T>,
    alias: string,
    raw: Record<string, unknown>,
    only?: readonly K[],
  ): Pick<T, K> | undefined {
    return hydrate(this.db, entity, alias, raw, only);
  }

  /** The table's entity, for a reader that knows a table by its name alone (the access policy): inside the caller's transaction when it gives one. */
  repositoryOfTable<T extends ObjectLiteral>(table: string, manager?: EntityManager): Repository<T> {
    const metadata = this.db.entityMetadatas.find((candidate) => candidate.tableName === table);
    if (!metadata) throw new Error(`no entity is registered for the table ${table}`);
    return (manager ?? this.db.manager).getRepository<T>(metadata.target);
  }

  table(entity: EntityTarget<ObjectLiteral>): string {
    return this.db.getMetadata(entity).tableName;
  }

  /** A value as the column stores it (a date on SQLite is text): for a hand-written WHERE. */
  stored<T extends ObjectLiteral>(entity: EntityTarget<T>, property: keyof T & string, value: unknown): unknown {
    return this.db.driver.preparePersistentValue(value, this.db.getMetadata(entity).findColumnWithPropertyName(property)!);
  }
}
