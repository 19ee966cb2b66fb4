#!/usr/bin/env node
// The server as it ships: the built server, the shared rules, the H5 app and the
// production dependencies only, in one folder that runs with `node server/dist/main.js`.
// The Dockerfile builds its image from it; `npm run verify:deploy` boots it here.
//
//   node scripts/bundle-server.mjs <folder> [--no-install]
//
// Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function bundleServer(folder, { install = true, npmArgs = [] } = {}) {
  for (const built of ['server/dist/main.js', 'shared/dist/cjs/index.js', 'miniprogram/dist-h5/index.html'])
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  const out = resolve(folder);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const read = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
  const shared = read('shared/package.json');
  const server = read('server/package.json');
  // The layout of the repository, so the server's defaults (the H5 folder beside it) hold unchanged.
  cpSync(join(root, 'shared', 'dist'), join(out, 'shared', 'dist'), { recursive: true });
  writeFileSync(
    join(out, 'shared', 'package.json'),
    JSON.stringify(
      // Its exports map too: the server reads the contract by its subpath (@skillcert/shared/contract).
      {
        name: shared.name,
        version: shared.version,
        private: true,
        main: shared.main,
        types: shared.types,
        module: shared.module,
        exports: shared.exports,
        dependencies: shared.dependencies,
      },
      null,
      2,
    ),
  );
  cpSync(join(root, 'server', 'dist'), join(out, 'server', 'dist'), { recursive: true, filter: (path) => !path.endsWith('.tsbuildinfo') });
  cpSync(join(root, 'miniprogram', 'dist-h5'), join(out, 'miniprogram', 'dist-h5'), { recursive: true, filter: (path) => !path.endsWith('.skillcert-build') });
  const dependencies = { ...server.dependencies, [shared.name]: 'file:shared' };
  writeFileSync(
    join(out, 'package.json'),
    `${JSON.stringify({ name: 'skillcert', version: read('package.json').version, private: true, engines: read('package.json').engines, scripts: { start: 'node server/dist/main.js' }, dependencies }, null, 2)}\n`,
  );
  if (install) {
    const result = spawnSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', ...npmArgs], { cwd: out, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm install in ${out} failed`);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: node scripts/bundle-server.mjs <folder> [--no-install]');
    process.exit(2);
  }
  try {
    console.log(`bundled in ${bundleServer(folder, { install: !process.argv.includes('--no-install') })}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
