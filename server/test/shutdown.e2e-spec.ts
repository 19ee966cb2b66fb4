import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { until } from './harness';
import { freePort } from '@skillcert/test-support';

/**
 * The built server told to stop while busy, as an orchestrator does when it
 * scales down or deploys: requests under way are answered, new connections are
 * refused at once, and the process is gone within ten seconds, cleanly.
 */
const MAIN = resolve(__dirname, '..', 'dist', 'main.js');

type Outcome = number | string;

/** One request on its own connection: its status, or the socket error's code. `connected`: its connection is made (the server's kernel has it). */
function fetchOnce(port: number, path: string, connected?: () => void): Promise<Outcome> {
  return new Promise((done) => {
    const req = get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
      res.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'response error'));
    });
    req.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    if (connected) req.on('socket', (socket) => socket.once('connect', connected));
  });
}

describe('stopping the server under load (SIGTERM)', () => {
  let child: ChildProcess | undefined;

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('answers what is under way, refuses what comes after, and exits cleanly within 10 s', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: '',
        SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'skillcert-stop-')), 'stop.sqlite'),
        H5_DIR: join(tmpdir(), 'skillcert-no-h5'),
        LOG_FORMAT: 'json',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<{ code: number | null; at: number }>((done) => child!.once('exit', (code) => done({ code, at: Date.now() })));
    await until(async () => (await fetchOnce(port, '/api/health')) === 200, 'the server to answer', 60, 200);

    let answered = 0;
    let connected = 0;
    const load = Array.from({ length: 60 }, () =>
      fetchOnce(port, '/api/plans/shanghai-2026', () => connected++).then((outcome) => {
        if (outcome === 200) answered++;
        return outcome;
      }),
    );
    // The signal comes while the server is busy: every request's connection made, some answered, the rest under way.
    await until(() => connected === 60 && answered > 0, 'sixty connections and a first answer', 30, 2);
    const signalled = Date.now();
    child.kill('SIGTERM');
    const outcomes = await Promise.all(load);
    expect(outcomes).toEqual(Array(60).fill(200));
    await until(async () => (await fetchOnce(port, '/api/health')) === 'ECONNREFUSED', 'new connections to be refused', 5, 20);
    const { code, at } = await exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
  }, 90_000);
});
