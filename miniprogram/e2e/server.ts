import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDatabase, freePort, ownDatabaseUrl, sharedServicesEnv } from '@skillcert/test-support';

/** The real, built server — on its embedded SQLite, serving the H5 build — on a free loopback port. */
export interface RunningServer {
  url: string;
  database: 'sqlite' | 'mariadb';
  stop: () => Promise<void>;
}

const REPO = resolve(__dirname, '..', '..');

/**
 * `database: 'mariadb'` puts the server on a fresh MariaDB database when this run has one
 * (CI always does: REQUIRE_MYSQL=1 makes the global setup insist); otherwise on SQLite.
 */
export async function startBuiltServer(env: Record<string, string> = {}, database: 'sqlite' | 'mariadb' = 'sqlite'): Promise<RunningServer> {
  const port = await freePort();
  const mysql = database === 'mariadb' ? ownDatabaseUrl() : undefined;
  if (mysql) await createDatabase(mysql);
  const child: ChildProcess = spawn(process.execPath, [join(REPO, 'server', 'dist', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...(mysql ? sharedServicesEnv(mysql) : { DATABASE_URL: '' }),
      SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'skillcert-e2e-')), 'e2e.sqlite'),
      H5_DIR: join(REPO, 'miniprogram', 'dist-h5'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (Date.now() >= deadline) throw new Error(`server did not become healthy:\n${output}`);
  return {
    url,
    database: mysql ? 'mariadb' : 'sqlite',
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Moves the test server's standing clock (FIXED_NOW): the walk goes on to another day. */
export async function setServerClock(url: string, now: string): Promise<void> {
  const response = await fetch(`${url}/__test/clock`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ now }) });
  if (!response.ok) throw new Error(`clock: ${response.status} ${await response.text()}`);
}
