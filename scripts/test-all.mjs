#!/usr/bin/env node
// `npm test`: every part runs and reports, even when an earlier one fails; a part
// that cannot run (what it needs did not build) says so. A summary closes the run,
// and the exit code is non-zero when anything failed or was skipped.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** name, the npm arguments, and which earlier parts it cannot run without. */
const PARTS = [
  { name: 'dependencies', command: ['node', 'scripts/ensure-installed.mjs'] },
  { name: 'shared: build', command: ['npm', 'run', 'build', '-w', '@skillcert/shared'], needs: ['dependencies'] },
  { name: 'types (all packages)', command: ['npm', 'run', 'typecheck'], needs: ['shared: build'] },
  { name: 'lint: TypeScript rules and the walls between packages', command: ['npm', 'run', 'lint'], needs: ['dependencies'] },
  { name: 'shared: rules', command: ['npm', 'test', '-w', '@skillcert/shared'], needs: ['shared: build'] },
  { name: 'server: build', command: ['npm', 'run', 'build', '-w', '@skillcert/server'], needs: ['shared: build'] },
  { name: 'server: API on SQLite and MariaDB', command: ['npm', 'test', '-w', '@skillcert/server'], needs: ['server: build'] },
  {
    name: 'mini program: WeChat and H5 builds, browser walks',
    command: ['npm', 'test', '-w', '@skillcert/miniprogram'],
    needs: ['shared: build', 'server: build'],
  },
  {
    name: 'deployment: the production bundle boots on MariaDB, Redis and S3',
    command: ['node', 'scripts/verify-deploy.mjs'],
    needs: ['server: build', 'mini program: WeChat and H5 builds, browser walks'],
    services: true,
  },
];

function reachable(port) {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), ok(true)));
    socket.once('error', () => ok(false));
  });
}

function run(command) {
  return new Promise((ok) => {
    const child = spawn(command[0], command.slice(1), { cwd: root, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      ok(signal ? 128 : (code ?? 1));
    });
  });
}

const seconds = (ms) => `${Math.round(ms / 1000)} s`;
const started = Date.now();
const outcome = new Map();
const [mariadb, redis] = await Promise.all([reachable(3306), reachable(6379)]);
for (const part of PARTS) {
  // Without MariaDB and Redis a part that needs them cannot run; that fails the run only where they are required (CI).
  if (part.services && !(mariadb && redis)) {
    const required = process.env.REQUIRE_MYSQL === '1';
    outcome.set(part.name, { result: required ? 'failed' : 'skipped', why: 'MariaDB and Redis are not running', ms: 0, excused: !required });
    console.log(`\n── ${part.name}: not run (MariaDB and Redis are not running)`);
    continue;
  }
  const missing = (part.needs ?? []).filter((need) => outcome.get(need)?.result !== 'passed');
  if (missing.length) {
    outcome.set(part.name, { result: 'skipped', why: `needs ${missing.join(', ')}`, ms: 0 });
    console.log(`\n── ${part.name}: skipped (needs ${missing.join(', ')})`);
    continue;
  }
  console.log(`\n── ${part.name} ─ ${part.command.join(' ')}`);
  const t0 = Date.now();
  const code = await run(part.command);
  outcome.set(part.name, { result: code === 0 ? 'passed' : 'failed', why: code === 0 ? '' : `exit code ${code}`, ms: Date.now() - t0 });
}

const width = Math.max(...PARTS.map((p) => p.name.length));
console.log(`\n══ npm test: summary (${seconds(Date.now() - started)} in all)`);
for (const part of PARTS) {
  const { result, why, ms } = outcome.get(part.name);
  const mark = result === 'passed' ? 'passed ' : result === 'failed' ? 'FAILED ' : 'SKIPPED';
  console.log(`  ${mark}  ${part.name.padEnd(width)}  ${result === 'skipped' ? '' : seconds(ms).padStart(6)}${why ? `  (${why})` : ''}`);
}
if (!mariadb || !redis)
  console.log(
    `  note: ${!mariadb ? 'MariaDB (127.0.0.1:3306)' : 'Redis (127.0.0.1:6379)'} did not answer — the server's MariaDB suite did not run (see the README)`,
  );
const bad = [...outcome.values()].filter((o) => o.result !== 'passed' && !o.excused).length;
console.log(bad ? `  ${bad} of ${PARTS.length} parts did not pass` : `  all ${PARTS.length} parts passed`);
process.exit(bad ? 1 : 0);
