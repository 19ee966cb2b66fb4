import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';

/**
 * Where uploaded bytes live. Keys are ids the server generated (UUIDs), never
 * anything a user typed, so no user input reaches a file-system path.
 */
export abstract class FileStore {
  abstract put(key: string, bytes: Buffer): Promise<void>;
  abstract get(key: string): Promise<Buffer>;
  /** Gone, or never there: both are fine. */
  abstract delete(key: string): Promise<void>;
}

const PART_BYTES = 2 * 1024 * 1024;

const SAFE_KEY = /^[0-9a-f-]{36}$/;

/**
 * The bytes in the database beside their row: every instance reads what any
 * instance received, and a backup of the database is a backup of the uploads.
 * The default on MariaDB, where several instances are the normal case.
 */
@Injectable()
export class DatabaseFileStore extends FileStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  /**
   * In parts of 2 MB: a query carries its bytes escaped (twice the size), and one
   * statement must stay under MariaDB's max_allowed_packet (16 MB by default).
   */
  async put(key: string, bytes: Buffer): Promise<void> {
    await this.db.transaction(async (manager) => {
      for (let part = 0; part * PART_BYTES < bytes.length || part === 0; part++)
        await manager.query('INSERT INTO file_blobs (id, part, bytes) VALUES (?, ?, ?)', [
          key,
          part,
          bytes.subarray(part * PART_BYTES, (part + 1) * PART_BYTES),
        ]);
    });
  }

  async get(key: string): Promise<Buffer> {
    const rows: { bytes: Buffer | Uint8Array }[] = await this.db.query('SELECT bytes FROM file_blobs WHERE id = ? ORDER BY part', [key]);
    if (rows.length === 0) throw new Error(`no stored bytes for file ${key}`);
    return Buffer.concat(rows.map((row) => (Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes))));
  }

  async delete(key: string): Promise<void> {
    await this.db.query('DELETE FROM file_blobs WHERE id = ?', [key]);
  }
}

export const fileStoreProvider = {
  provide: FileStore,
  inject: [APP_CONFIG, DataSource],
  useFactory: (config: AppConfig, db: DataSource): FileStore => (config.fileStore === 'database' ? new DatabaseFileStore(db) : new LocalDiskFileStore(config)),
};

/** The embedded demo's store: a folder on local disk, two levels of fan-out so no folder grows huge. */
@Injectable()
export class LocalDiskFileStore extends FileStore {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  private pathOf(key: string): { dir: string; file: string } {
    if (!SAFE_KEY.test(key)) throw new Error('file keys are server-generated UUIDs');
    const dir = join(this.config.filesDir, key.slice(0, 2), key.slice(2, 4));
    return { dir, file: join(dir, key) };
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const { dir, file } = this.pathOf(key);
    await mkdir(dir, { recursive: true });
    // Written aside and renamed: a reader never sees half a file.
    await writeFile(`${file}.part`, bytes);
    await rename(`${file}.part`, file);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key).file);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key).file, { force: true });
  }
}
