import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { feeFor, formatAmount, listPlans, offeredLevels, planLevel } from './index';

/** Money is integer fen from the plan data to the screen; these checks fail the moment a float sneaks in. */
describe('money is whole fen everywhere', () => {
  it('every fee of every plan, level and subject set is a safe integer', () => {
    for (const plan of listPlans()) {
      for (const level of offeredLevels(plan)) {
        const subjects = planLevel(plan.id, level).subjects;
        for (const s of subjects) expect(Number.isSafeInteger(s.feeFen)).toBe(true);
        expect(Number.isSafeInteger(feeFor(plan.id, level))).toBe(true);
        expect(feeFor(plan.id, level)).toBe(subjects.reduce((sum, s) => sum + s.feeFen, 0));
      }
    }
  });

  it('refuses to print an amount that is not whole fen', () => {
    expect(formatAmount(40000)).toBe('¥400.00');
    expect(() => formatAmount(0.1 + 0.2)).toThrow(RangeError);
    expect(() => formatAmount(400.5)).toThrow(RangeError);
  });

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
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}
