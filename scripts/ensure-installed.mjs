#!/usr/bin/env node
// Makes `npm start` and `npm test` work from a fresh clone: checks Node, installs
// dependencies when they are missing or older than the lockfile. No dependencies of its own.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
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
  console.log('Installing dependencies (first run compiles SQLite: a few minutes)…');
  // `npm install`, not `npm ci`: the registry has no builds of Taro's optional native
  // packages for other platforms, so `npm ci` rejects a lockfile written here.
  execSync('npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
