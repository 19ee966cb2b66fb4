import { makeupOptions, newApplicationForfeitsMakeup, resultsValidThrough } from './makeup';

const record = {
  planId: 'shanghai-2026',
  level: 4 as const,
  assessedOn: '2026-03-27',
  subjects: [
    { kind: 'theory' as const, passed: true },
    { kind: 'practical' as const, passed: false },
  ],
};

describe('make-up', () => {
  it('results assessed 2026-03-27 are valid through 2028-03-26', () => {
    expect(resultsValidThrough('shanghai-2026', '2026-03-27')).toBe('2028-03-26');
  });

  it('offers the failed subject at its per-subject fee', () => {
    expect(makeupOptions(record, '2026-05-01')).toEqual({ allowed: true, subjects: ['practical'], fee: 300_00, validThrough: '2028-03-26' });
  });

  it('is still allowed on the last valid day and refused the day after', () => {
    expect(makeupOptions(record, '2028-03-26').allowed).toBe(true);
    const late = makeupOptions(record, '2028-03-27');
    expect(late.allowed).toBe(false);
    expect(late.reason).toContain('2028年3月26日');
  });

  it('a competition failure cannot be made up', () => {
    expect(makeupOptions({ ...record, viaCompetition: true }, '2026-05-01')).toMatchObject({
      allowed: false,
      reason: '参加职业技能竞赛成绩不合格者，不能进行补考',
    });
  });

  it('nothing to make up when all passed; a full re-application when all failed', () => {
    expect(
      makeupOptions(
        {
          ...record,
          subjects: [
            { kind: 'theory', passed: true },
            { kind: 'practical', passed: true },
          ],
        },
        '2026-05-01',
      ),
    ).toMatchObject({ allowed: false, fee: 0 });
    expect(
      makeupOptions(
        {
          ...record,
          subjects: [
            { kind: 'theory', passed: false },
            { kind: 'practical', passed: false },
          ],
        },
        '2026-05-01',
      ),
    ).toMatchObject({ allowed: false, fee: 400_00 });
  });

  it('warns that a new application forfeits passed subjects while they are valid', () => {
    expect(newApplicationForfeitsMakeup(record, '2027-01-01').forfeits).toBe(true);
    expect(newApplicationForfeitsMakeup(record, '2028-03-27').forfeits).toBe(false);
  });
});
