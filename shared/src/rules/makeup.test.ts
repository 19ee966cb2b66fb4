import { BUILT_IN_PLANS, getPlan, setPublishedPlans, type Plan } from '../plans';
import { makeupOptions, newApplicationForfeitsMakeup, resultsValidThrough } from './makeup';

/** The body's plan for a later year: the 2026 plan again, with level 4's practical at a new fee. */
function nextYear(year: number, practicalFen: number): Plan {
  const plan = getPlan('shanghai-2026');
  return {
    ...plan,
    id: `shanghai-${year}`,
    year,
    levels: plan.levels.map((l) =>
      l.level === 4 ? { ...l, subjects: l.subjects.map((s) => (s.kind === 'practical' ? { ...s, feeFen: practicalFen } : s)) } : l,
    ),
  };
}

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
    expect(makeupOptions(record, '2026-05-01')).toEqual({
      allowed: true,
      subjects: ['practical'],
      fee: 300_00,
      validThrough: '2028-03-26',
      planId: 'shanghai-2026',
    });
  });

  describe('after the sitting’s year', () => {
    afterEach(() => setPublishedPlans(BUILT_IN_PLANS));

    it('goes into the body’s next plan, at its fee; none published yet, none taken', () => {
      const december = { ...record, assessedOn: '2026-12-19' };
      expect(makeupOptions(december, '2027-02-03')).toMatchObject({
        allowed: false,
        reason: '当前不受理呼叫中心服务员补考申请，评价机构发布下一期计划后即可申请',
      });
      setPublishedPlans([...BUILT_IN_PLANS, nextYear(2027, 320_00)]);
      expect(makeupOptions(december, '2027-02-03')).toMatchObject({ allowed: true, planId: 'shanghai-2027', fee: 320_00, subjects: ['practical'] });
    });

    it('is still allowed on the last valid day and refused the day after', () => {
      setPublishedPlans([...BUILT_IN_PLANS, nextYear(2028, 300_00)]);
      expect(makeupOptions(record, '2028-03-26')).toMatchObject({ allowed: true, planId: 'shanghai-2028' });
      const late = makeupOptions(record, '2028-03-27');
      expect(late.allowed).toBe(false);
      expect(late.reason).toContain('2028年3月26日');
    });
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
