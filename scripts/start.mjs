#!/usr/bin/env node
// `npm start`: installs what is missing, builds only what changed since the last
// build, then runs the built server on its embedded SQLite (plans seeded from the
// rule packs) serving the H5 build of the mini program. Ctrl+C stops it — and so
// does stopping this process any other way: the server goes with it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.skillcert-build';

/** What each build reads, and where it writes; a build whose inputs have not changed since its stamp is skipped. */
const BUILDS = [
  {
    name: 'shared rules',
    inputs: ['shared/src', 'shared/package.json', 'shared/tsconfig.json', 'shared/tsconfig.build.json', 'shared/tsconfig.esm.json', 'tsconfig.base.json'],
    output: 'shared/dist',
    command: ['npm', 'run', 'build', '-w', '@skillcert/shared'],
    about: 'about 20 s',
  },
  {
    name: 'server',
    inputs: ['server/src', 'server/package.json', 'server/tsconfig.json', 'server/tsconfig.build.json', 'shared/src'],
    output: 'server/dist',
    command: ['npm', 'run', 'build', '-w', '@skillcert/server'],
    about: 'about 25 s',
  },
  {
    name: 'H5 app',
    inputs: [
      'miniprogram/src',
      'miniprogram/config',
      'miniprogram/package.json',
      'miniprogram/babel.config.js',
      'miniprogram/tsconfig.json',
      'shared/src',
      'package-lock.json',
    ],
    output: 'miniprogram/dist-h5',
    command: ['npm', 'run', 'build:h5', '-w', '@skillcert/miniprogram'],
    about: 'about a minute',
  },
];

function fingerprint(paths) {
  const hash = createHash('sha256');
  const walk = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    else hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const path of paths) walk(join(root, path));
  return hash.digest('hex');
}

/** A process's parent, read from /proc (Linux); 0 where that cannot be known. */
function parentOf(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  } catch {
    return 0;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function run(command, about, what) {
  const since = Date.now();
  const progress = setInterval(() => console.log(`  … still building the ${what} (${Math.round((Date.now() - since) / 1000)} s; ${about})`), 20_000);
  return new Promise((done, fail) => {
    const child = spawn(command[0], command.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    // The builders' own chatter (Taro's banners, webpack's notices) is kept for a failure; success is one line.
    let output = '';
    const keep = (chunk) => (output = (output + chunk).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('exit', (code) => {
      clearInterval(progress);
      if (code === 0) done(Date.now() - since);
      else {
        process.stdout.write(output);
        fail(new Error(`building the ${what} failed (exit code ${code})`));
      }
    });
  });
}

async function build(item) {
  const print = fingerprint(item.inputs);
  const stamp = join(root, item.output, STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === print) return console.log(`✓ ${item.name}: up to date`);
  console.log(`Building the ${item.name} (${item.about})…`);
  const ms = await run(item.command, item.about, item.name);
  writeFileSync(stamp, print);
  console.log(`✓ ${item.name} built in ${Math.round(ms / 1000)} s`);
}

const started = Date.now();
await import('./ensure-installed.mjs');
try {
  const [shared, ...onShared] = BUILDS;
  await build(shared);
  // The server and the app each need only the shared rules: built side by side.
  await Promise.all(onShared.map(build));
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
console.log(`Ready to start in ${Math.round((Date.now() - started) / 1000)} s.`);

// An IPC channel: if this process dies, even by SIGKILL, the server sees the channel close and stops.
const server = spawn(process.execPath, [join(root, 'server', 'dist', 'main.js')], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  env: { NODE_ENV: 'development', DEMO_MODE: 'true', LOG_FORMAT: 'pretty', PORT: '3000', ...process.env },
});
const stop = (signal) => server.exitCode === null && server.kill(signal);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
// npm killed outright (even by SIGKILL) leaves this process and its shell behind: watch them both, and stop when either goes.
const watched = [process.ppid, parentOf(process.ppid)].filter((pid) => pid > 1);
const watch = setInterval(() => watched.some((pid) => !alive(pid)) && stop('SIGTERM'), 1000);
server.on('exit', (code) => {
  clearInterval(watch);
  process.exit(code ?? 0);
});
