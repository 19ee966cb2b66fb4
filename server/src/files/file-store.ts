import { Inject, Injectable } from '@nestjs/common';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

const SAFE_KEY = /^[0-9a-f-]{36}$/;

/** The default store: a folder on local disk, two levels of fan-out so no folder grows huge. */
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
