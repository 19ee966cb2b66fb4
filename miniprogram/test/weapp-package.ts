import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Sizes of the built WeChat package, split the way WeChat counts them: main package and each subpackage. */
export const WEAPP_DIST = resolve(__dirname, '..', 'dist');

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

export function readAppJson(dist = WEAPP_DIST): AppJson {
  return JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as AppJson;
}

export function weappPackageSizes(dist = WEAPP_DIST): { mainBytes: number; subpackages: Record<string, number> } {
  const app = readAppJson(dist);
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const subpackages: Record<string, number> = Object.fromEntries(roots.map((r) => [r, 0]));
  let mainBytes = 0;
  for (const file of files(dist)) {
    if (file.endsWith('.map')) continue;
    const path = relative(dist, file);
    const root = roots.find((r) => path.startsWith(`${r}/`));
    const size = statSync(file).size;
    if (root) subpackages[root] = (subpackages[root] ?? 0) + size;
    else mainBytes += size;
  }
  return { mainBytes, subpackages };
}
