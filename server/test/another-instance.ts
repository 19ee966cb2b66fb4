import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@skillcert/test-support';
import { until, type DatabaseTarget } from './harness';

/**
 * A second server process (the built one) on the same database and clock, as production runs several:
 * what one instance publishes, the other must serve. Started once it answers its health check.
 */
export async function anotherInstance(target: DatabaseTarget, now: Date): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, '../dist/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      FIXED_NOW: now.toISOString(),
      H5_DIR: join(tmpdir(), 'skillcert-no-h5'),
      FILES_DIR: mkdtempSync(join(tmpdir(), 'skillcert-instance-')),
      ...target.env,
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${url}/api/health`).catch(() => undefined))?.ok === true, 'the second instance to start', 60, 200);
  return { url, stop: () => child.kill() };
}
