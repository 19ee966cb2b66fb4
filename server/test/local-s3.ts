import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export const LOCAL_S3_BUCKET = 'skillcert-uploads';

export interface LocalS3 {
  /** What points a server's FILE_STORE at this store. */
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/**
 * A real S3-compatible server on a loopback port (s3rver: the S3 REST API over a
 * folder, checking Signature V4 with its fixed key pair S3RVER/S3RVER) — what the
 * server's S3 store talks to in tests, as it would talk to Tencent COS.
 */
export async function startLocalS3(): Promise<LocalS3> {
  const directory = mkdtempSync(join(tmpdir(), 'skillcert-s3-'));
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: LOCAL_S3_BUCKET, configs: [] }] });
  const { port } = (await s3.run()) as AddressInfo;
  return {
    env: {
      FILE_STORE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'ap-shanghai',
      S3_BUCKET: LOCAL_S3_BUCKET,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    stop: async () => {
      await s3.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
