import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { APP_CONFIG, type AppConfig, type S3Settings } from '../config/config';

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

/**
 * An S3-compatible object store — Tencent COS in WeChat Cloud Hosting, or any
 * other that speaks the S3 API. What it receives is already sealed (AES-256-GCM,
 * in FilesService), so the store's own operators never hold readable ID cards.
 */
export class S3FileStore extends FileStore {
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    super();
    this.client = new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // The SDK's newer default checksums are not spoken by every S3-compatible store: only where the API requires one.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 20_000 },
    });
  }

  private keyOf(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error('file keys are server-generated UUIDs');
    return `${this.settings.keyPrefix}${key}`;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(key), Body: bytes, ContentType: 'application/octet-stream' }));
  }

  async get(key: string): Promise<Buffer> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(key) }));
    if (!object.Body) throw new Error(`no stored bytes for file ${key}`);
    return Buffer.from(await object.Body.transformToByteArray());
  }

  async delete(key: string): Promise<void> {
    // S3 answers a delete of a missing key with success, which is what this method promises.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(key) }));
  }
}

export const fileStoreProvider = {
  provide: FileStore,
  inject: [APP_CONFIG, DataSource],
  useFactory: (config: AppConfig, db: DataSource): FileStore => {
    if (config.fileStore === 's3' && config.s3) return new S3FileStore(config.s3);
    return config.fileStore === 'database' ? new DatabaseFileStore(db) : new LocalDiskFileStore(config);
  },
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
