import { addDays, addYears } from '../dates';
import { aCandidate } from '../testing/aCandidate';
import type { ApplicantFacts, Level } from '../types';
import { evaluateEligibility } from './eligibility';

const SH = 'shanghai-2026';
const BJ = 'beijing-2021';
const SH_ON = '2026-03-10';
const BJ_ON = '2021-06-01';

/** Start date for exactly `days` of work ending on `on` (both ends inclusive). */
function startFor(days: number, on: string): string {
  return addDays(on, -(days - 1));
}

const base = aCandidate();

type Case = [clause: string, level: Level, meets: ApplicantFacts, justMisses: ApplicantFacts];

describe('Shanghai 2026 — 2023 regulation, every clause', () => {
  const on = SH_ON;
  const cases: Case[] = [
    ['5.1', 5, base.intendingToWork().build(), base.build()],
    ['5.2', 5, base.worked('2025-01-01', undefined, 'related').build(), base.worked('2025-01-01', addDays(on, -1)).build()],
    ['4.1', 4, base.worked(startFor(5 * 365, on), undefined, 'related').build(), base.worked(startFor(5 * 365 - 1, on)).build()],
    [
      '4.2',
      4,
      base
        .withCertificate(5, '2022-01-01')
        .worked('2022-01-02', addDays('2022-01-01', 3 * 365))
        .build(),
      base
        .withCertificate(5, '2022-01-01')
        .worked('2021-06-01', addDays('2022-01-01', 3 * 365 - 1))
        .build(),
    ],
    [
      '4.3',
      4,
      base.withDiploma('secondary-vocational', { major: 'related', graduatedOn: undefined, finalYear: true }).build(),
      base.withDiploma('secondary-vocational', { major: 'other' }).build(),
    ],
    ['3.1', 3, base.worked(startFor(10 * 365, on)).build(), base.worked(startFor(10 * 365 - 1, on)).build()],
    [
      '3.2',
      3,
      base
        .withCertificate(4, '2021-01-01', 'related')
        .worked('2021-01-02', addDays('2021-01-01', 4 * 365))
        .build(),
      base
        .withCertificate(4, '2021-01-01')
        .worked('2021-01-02', addDays('2021-01-01', 4 * 365 - 1))
        .build(),
    ],
    [
      '3.3',
      3,
      base.withTitle('junior', '2024-01-01').worked('2024-01-02', addDays('2024-01-01', 365)).build(),
      base.withTitle('junior', '2024-01-01', false).worked('2024-01-02', addDays('2024-01-01', 365)).build(),
    ],
    ['3.4', 3, base.withDiploma('technical-senior', { graduatedOn: undefined, finalYear: true }).build(), base.withDiploma('technical').build()],
    [
      '3.5',
      3,
      base.withCertificate(4, '2023-01-01').withDiploma('higher-vocational', { major: 'related' }).build(),
      base.withCertificate(4, '2023-01-01').withDiploma('secondary-vocational').build(),
    ],
    ['3.6', 3, base.withDiploma('college', { evaluated: true }).build(), base.withDiploma('college', { evaluated: false }).build()],
    [
      '2.1',
      2,
      base
        .withCertificate(3, '2020-01-01')
        .worked('2020-01-02', addDays('2020-01-01', 5 * 365))
        .build(),
      base
        .withCertificate(3, '2020-01-01')
        .worked('2020-01-02', addDays('2020-01-01', 5 * 365 - 1))
        .build(),
    ],
    [
      '2.2',
      2,
      base
        .withTitle('junior', '2019-01-01')
        .withCertificate(3, '2024-06-01')
        .worked('2019-01-02', addDays('2019-01-01', 5 * 365))
        .worked('2024-06-02', addDays('2024-06-01', 365))
        .build(),
      base
        .withTitle('junior', '2019-01-01')
        .withCertificate(3, '2024-06-01')
        .worked('2019-01-02', addDays('2019-01-01', 5 * 365))
        .worked('2024-06-02', addDays('2024-06-01', 364))
        .build(),
    ],
    [
      '2.3',
      2,
      base.withTitle('intermediate', '2024-01-01').worked('2024-01-02', addDays('2024-01-01', 365)).build(),
      base.withTitle('intermediate', '2024-01-01').worked('2024-01-02', addDays('2024-01-01', 364)).build(),
    ],
    [
      '2.4',
      2,
      base
        .withCertificate(3, '2022-01-01')
        .withDiploma('technician', { graduatedOn: '2022-07-01' })
        .worked(startFor(2 * 365, on))
        .build(),
      base
        .withCertificate(3, '2022-01-01')
        .withDiploma('technician', { graduatedOn: undefined, finalYear: true })
        .worked(startFor(2 * 365, on))
        .build(),
    ],
    [
      '2.5',
      2,
      base.inTechnicianClass().withCertificate(3, addYears(on, -2)).build(),
      base
        .inTechnicianClass()
        .withCertificate(3, addDays(addYears(on, -2), 1))
        .build(),
    ],
    [
      '1.1',
      1,
      base
        .withCertificate(2, '2020-01-01')
        .worked('2020-01-02', addDays('2020-01-01', 5 * 365))
        .build(),
      base
        .withCertificate(2, '2020-01-01')
        .worked('2020-01-02', addDays('2020-01-01', 5 * 365 - 1))
        .build(),
    ],
    [
      '1.2',
      1,
      base
        .withTitle('intermediate', '2019-01-01')
        .withCertificate(2, '2024-06-01')
        .worked('2019-01-02', addDays('2019-01-01', 5 * 365))
        .worked('2024-06-02', addDays('2024-06-01', 365))
        .build(),
      base
        .withTitle('intermediate', '2019-01-01')
        .withCertificate(2, '2025-06-01')
        .worked('2019-01-02', addDays('2019-01-01', 5 * 365))
        .worked('2025-06-02', on)
        .build(),
    ],
    [
      '1.3',
      1,
      base.withTitle('senior', '2024-01-01').worked('2024-01-02', addDays('2024-01-01', 365)).build(),
      base.withTitle('senior', on).worked('2024-01-02', on).build(),
    ],
  ];

  it.each(cases)('clause %s: met, and just missed', (clause, level, meets, justMisses) => {
    expect(evaluateEligibility(SH, level, meets, on).satisfied).toContain(clause);
    const missed = evaluateEligibility(SH, level, justMisses, on);
    expect(missed.satisfied).not.toContain(clause);
    expect(missed.clauses.find((c) => c.id === clause)?.missing.length).toBeGreaterThan(0);
  });

  it('is eligible for an offered level with a satisfied clause, and names the clause', () => {
    const result = evaluateEligibility(SH, 4, base.agedOn(17, on).withDiploma('secondary-vocational', { graduatedOn: undefined, finalYear: true }).build(), on);
    expect(result).toMatchObject({ eligible: true, satisfied: ['4.3'], reasons: [] });
    expect(result.clauses.find((c) => c.id === '4.3')?.label).toBe('四级 条件(3)');
  });

  it('levels 2 and 1 are in the regulation but not offered in Shanghai 2026', () => {
    const result = evaluateEligibility(SH, 2, base.withTitle('intermediate', '2024-01-01').worked('2024-01-02', addDays('2024-01-01', 365)).build(), on);
    expect(result.satisfied).toEqual(['2.3']);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual(['本计划不开展二级/技师认定']);
  });

  it('explains what is missing for the nearest clause, in years and days', () => {
    const result = evaluateEligibility(SH, 4, base.worked('2023-01-01', undefined, 'related').build(), on);
    expect(result.eligible).toBe(false);
    expect(result.reasons[0]).toBe('可通过：累计从事本职业或相关职业工作满5年（目前3年70天，还差1年295天）');
  });

  it('counts overlapping periods once and ignores time after the application date', () => {
    const overlapping = base.worked('2020-01-01', '2022-12-31').worked('2021-01-01', '2023-12-31').worked('2027-01-01', '2030-01-01').build();
    const result = evaluateEligibility(SH, 4, overlapping, on);
    expect(result.reasons[0]).toContain('目前4年');
    expect(result.satisfied).toEqual([]);
  });

  it('a certificate issued after the application date does not count yet', () => {
    expect(evaluateEligibility(SH, 3, base.withCertificate(4, '2026-06-01').withDiploma('college').build(), on).satisfied).toEqual([]);
  });
});

describe('minimum age 16 on the application day', () => {
  const diploma = base.withDiploma('secondary-vocational', { graduatedOn: undefined, finalYear: true });

  it('is eligible on the 16th birthday', () => {
    expect(evaluateEligibility(SH, 4, diploma.born('2010-03-05').build(), '2026-03-05').eligible).toBe(true);
  });

  it('is refused the day before, with the date they turn 16', () => {
    const result = evaluateEligibility(SH, 4, diploma.born('2010-03-05').build(), '2026-03-04');
    expect(result.eligible).toBe(false);
    expect(result.satisfied).toEqual(['4.3']);
    expect(result.reasons).toEqual(['须年满16周岁：按出生日期，您将于2026年3月5日年满16周岁']);
  });
});

describe('Beijing 2021 — 呼叫服务员国家职业标准（试行）, every clause', () => {
  const on = BJ_ON;
  const cases: Case[] = [
    ['4.1', 4, base.worked(startFor(365, on)).build(), base.worked(startFor(364, on)).build()],
    ['4.2', 4, base.withDiploma('technical').build(), base.withDiploma('technical', { major: 'related' }).build()],
    ['4.3', 4, base.withTraining(4, '2021-05-01').build(), base.withTraining(3, '2021-05-01').build()],
    ['3.1', 3, base.worked(startFor(6 * 365, on)).build(), base.worked(startFor(6 * 365 - 1, on)).build()],
    ['3.2', 3, base.withDiploma('technician').build(), base.withDiploma('secondary-vocational').build()],
    [
      '3.3',
      3,
      base
        .withCertificate(4, '2017-01-01')
        .worked('2017-01-02', addDays('2017-01-01', 4 * 365))
        .build(),
      base
        .withCertificate(4, '2017-01-01')
        .worked('2016-01-01', addDays('2017-01-01', 4 * 365 - 1))
        .build(),
    ],
    [
      '3.4',
      3,
      base
        .withCertificate(4, '2018-01-01')
        .worked('2018-01-02', addDays('2018-01-01', 3 * 365))
        .withTraining(3, '2021-03-01')
        .build(),
      base
        .withCertificate(4, '2018-01-01')
        .worked('2018-01-02', addDays('2018-01-01', 3 * 365))
        .withTraining(4, '2021-03-01')
        .build(),
    ],
    ['3.5', 3, base.withDiploma('college').build(), base.withDiploma('college', { major: 'related' }).build()],
    [
      '3.6',
      3,
      base.withDiploma('college', { major: 'other' }).worked(startFor(365, on)).build(),
      base.withDiploma('college', { major: 'other' }).worked(startFor(364, on)).build(),
    ],
    [
      '3.7',
      3,
      base.withDiploma('higher-vocational', { major: 'related' }).withTraining(3, '2021-01-10').build(),
      base.withDiploma('higher-vocational', { major: 'related' }).withTraining(3, '2021-06-02').build(),
    ],
  ];

  it('level 3 clause (2) takes only the schools it names: 高级技工学校、技师学院、职业技术学院, not a 技工院校高级工班', () => {
    expect(evaluateEligibility(BJ, 3, base.withDiploma('technician').build(), on).satisfied).toContain('3.2');
    expect(evaluateEligibility(BJ, 3, base.withDiploma('higher-vocational').build(), on).satisfied).toContain('3.2');
    expect(evaluateEligibility(BJ, 3, base.withDiploma('technical-senior').build(), on).satisfied).not.toContain('3.2');
  });

  it.each(cases)('clause %s: met, and just missed', (clause, level, meets, justMisses) => {
    expect(evaluateEligibility(BJ, level, meets, on).satisfied).toContain(clause);
    expect(evaluateEligibility(BJ, level, justMisses, on).satisfied).not.toContain(clause);
  });

  it('only this occupation counts: related work does not', () => {
    const result = evaluateEligibility(BJ, 4, base.worked('2019-01-01', undefined, 'related').build(), on);
    expect(result.eligible).toBe(false);
    expect(result.reasons[0]).toBe('可通过：连续从事本职业工作满1年（目前最长连续0天，还差1年）');
  });

  it('a gap of up to 31 days keeps a stretch continuous, but its days are not work', () => {
    // 200 + 166 worked days around a 31-day gap: continuous, 366 days of work.
    const withGap = base.worked('2020-05-01', '2020-11-16').worked('2020-12-18', '2021-05-31').build();
    expect(evaluateEligibility(BJ, 4, withGap, on).satisfied).toEqual(['4.1']);
    // One more day of gap breaks the stretch in two.
    const broken = base.worked('2020-05-01', '2020-11-16').worked('2020-12-19', '2021-05-31').build();
    expect(evaluateEligibility(BJ, 4, broken, on).satisfied).toEqual([]);
  });

  it('levels 2 and 1 are priced but not offered, and have no clauses', () => {
    const result = evaluateEligibility(BJ, 2, base.build(), on);
    expect(result).toMatchObject({ eligible: false, satisfied: [], reasons: ['本计划不开展二级/技师认定'] });
  });
});
