// Sizes of the built WeChat package, counted the way WeChat does: the main package
// and each subpackage. Used by the package test and by `npm run bench`.
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');

const WEAPP_DIST = resolve(__dirname, '..', 'miniprogram', 'dist');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

function readAppJson(dist = WEAPP_DIST) {
  return JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
}

function subpackagesOf(app) {
  return app.subPackages ?? app.subpackages ?? [];
}

function weappPackageSizes(dist = WEAPP_DIST) {
  const roots = subpackagesOf(readAppJson(dist)).map((s) => s.root.replace(/\/$/, ''));
  const subpackages = Object.fromEntries(roots.map((r) => [r, 0]));
  const mainFiles = [];
  let mainBytes = 0;
  for (const file of files(dist)) {
    if (file.endsWith('.map')) continue;
    const path = relative(dist, file);
    const size = statSync(file).size;
    const root = roots.find((r) => path.startsWith(`${r}/`));
    if (root) subpackages[root] += size;
    else {
      mainBytes += size;
      mainFiles.push({ path, size });
    }
  }
  mainFiles.sort((a, b) => b.size - a.size);
  return { mainBytes, subpackages, mainFiles };
}

module.exports = { WEAPP_DIST, readAppJson, subpackagesOf, weappPackageSizes };

// `node scripts/weapp-package.cjs`: the sizes, after `npm run build:weapp`.
if (require.main === module) {
  const { mainBytes, subpackages } = weappPackageSizes();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const total = mainBytes + Object.values(subpackages).reduce((a, b) => a + b, 0);
  console.log(`\nWeChat package sizes (limits: 2,048 KB each package, 20 MB in all; ours: main under 500 KB)`);
  console.log(`  main package      ${kb(mainBytes).padStart(10)}`);
  for (const [root, bytes] of Object.entries(subpackages)) console.log(`  ${root.padEnd(18)}${kb(bytes).padStart(10)}`);
  console.log(`  in all            ${kb(total).padStart(10)}`);
}
