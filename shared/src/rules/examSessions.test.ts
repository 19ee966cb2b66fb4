import { sessionDateAllowed, sessionServesApplication } from './examSessions';

describe('where exam sessions may be', () => {
  it('Shanghai: March to December of 2026, offered levels only', () => {
    expect(sessionDateAllowed('shanghai-2026', [3, 4], '2026-03-28')).toEqual({ ok: true });
    expect(sessionDateAllowed('shanghai-2026', [5], '2026-12-31')).toEqual({ ok: true });
    expect(sessionDateAllowed('shanghai-2026', [4], '2026-02-28')).toEqual({ ok: false, reason: '考核日期须在2026年3月1日至12月31日之间' });
    expect(sessionDateAllowed('shanghai-2026', [4], '2027-01-09').ok).toBe(false);
    expect(sessionDateAllowed('shanghai-2026', [2], '2026-05-09')).toEqual({ ok: false, reason: '本计划不开展二级/技师认定' });
  });

  it('Beijing: only on the batch date of each level', () => {
    expect(sessionDateAllowed('beijing-2021', [4], '2021-06-26')).toEqual({ ok: true });
    expect(sessionDateAllowed('beijing-2021', [3], '2021-10-23')).toEqual({ ok: true });
    expect(sessionDateAllowed('beijing-2021', [3, 4], '2021-10-23')).toMatchObject({ ok: false, reason: expect.stringContaining('2021年4月24日') });
    expect(sessionDateAllowed('beijing-2021', [4], '2021-06-27').ok).toBe(false);
  });
});

describe('which sessions can seat an application', () => {
  it('Shanghai: applied in March → a session after the application day, by 30 April', () => {
    expect(sessionServesApplication('shanghai-2026', 4, '2026-03-10', '2026-03-28')).toBe(true);
    expect(sessionServesApplication('shanghai-2026', 4, '2026-03-10', '2026-04-30')).toBe(true);
    expect(sessionServesApplication('shanghai-2026', 4, '2026-03-10', '2026-05-09')).toBe(false);
    expect(sessionServesApplication('shanghai-2026', 4, '2026-03-10', '2026-03-10')).toBe(false);
  });

  it('Beijing: exactly the batch the application was made for', () => {
    expect(sessionServesApplication('beijing-2021', 4, '2021-04-12', '2021-06-26')).toBe(true);
    expect(sessionServesApplication('beijing-2021', 4, '2021-04-12', '2021-04-24')).toBe(false);
  });
});
