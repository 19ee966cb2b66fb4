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
});
