import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The other half of shared/src/money.test.ts: no code anywhere turns money into a float on its way through. */
describe('money is whole fen in every workspace', () => {
  it('no source file turns money text into a float or rounds it for display', () => {
    const root = resolve(__dirname, '..', '..');
    const sources = ['shared/src', 'server/src', 'miniprogram/src'].flatMap((dir) => files(join(root, dir)));
    const offenders = sources.filter((file) => /\bparseFloat\(|\.toFixed\(|\/\s*100\.0|\*\s*0\.01\b/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => f.slice(root.length + 1))).toEqual([]);
  });
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.(test|spec|e2e-spec)\.tsx?$/.test(name) ? [path] : [];
  });
}
