#!/usr/bin/env node
// Makes `npm start` and `npm test` work from a fresh clone: checks Node, installs
// dependencies when they are missing or older than the lockfile. No dependencies of its own.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 11) || major >= 23) {
  console.error(`SkillCert needs Node.js 20.11–22 (this is ${process.versions.node}).`);
  process.exit(1);
}

const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
const nativeMissing = !existsSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
if (stale || nativeMissing) {
  console.log('Installing dependencies: about 4 minutes the first time (2 of them compiling SQLite)…');
  // What is happening and how far, every 15 s: npm itself is silent for minutes when not on a terminal.
  // Optional packages are mostly other platforms' builds, never installed here: not counted.
  const wanted = Object.entries(JSON.parse(readFileSync(lock, 'utf8')).packages ?? {})
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.optional)
    .map(([path]) => path);
  const since = Date.now();
  const progress = setInterval(() => {
    const present = wanted.filter((path) => existsSync(join(root, path))).length;
    const minutes = ((Date.now() - since) / 60_000).toFixed(1);
    const doing = present < wanted.length ? `${present} of ${wanted.length} packages in place` : 'packages in place; building native modules (SQLite)';
    console.log(`  … ${doing} (${minutes} min)`);
  }, 15_000);
  // `npm install`, not `npm ci`: the registry has no builds of Taro's optional native
  // packages for other platforms, so `npm ci` rejects a lockfile written here.
  const status = await new Promise((done) =>
    spawn('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' }).on('exit', (code) => done(code ?? 1)),
  );
  clearInterval(progress);
  if (status !== 0) process.exit(status);
  console.log(`Dependencies installed in ${((Date.now() - since) / 60_000).toFixed(1)} min.`);
}
