#!/usr/bin/env node
// `npm start`: the built server on its embedded SQLite (plans seeded from the rule
// packs), serving the H5 build of the mini program. Ctrl+C stops it.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(process.execPath, [join(root, 'server', 'dist', 'main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'development', DEMO_MODE: 'true', LOG_FORMAT: 'pretty', PORT: '3000', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
