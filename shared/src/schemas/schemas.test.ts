import { eligibilityRequestSchema, parseWith, windowQuerySchema } from './index';

describe('request schemas', () => {
  it('accepts a minimal eligibility request and fills empty lists', () => {
    const parsed = parseWith(eligibilityRequestSchema, { level: 4, facts: { birthDate: '2009-05-01' } });
    expect(parsed).toMatchObject({ ok: true, data: { level: 4, facts: { work: [], diplomas: [] } } });
  });

  it('reports each bad field with a Chinese message and its path', () => {
    const parsed = parseWith(eligibilityRequestSchema, {
      level: 7,
      facts: {
        birthDate: '2009-02-30',
        work: [{ from: '2024-05-01', to: '2024-01-01', occupation: 'same' }],
        diplomas: [{ school: 'college', major: 'same' }],
      },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual(
      expect.arrayContaining([
        { path: 'level', message: '等级应为一级至五级' },
        { path: 'facts.birthDate', message: '日期格式不正确，应为 年-月-日（如 2026-03-27）' },
        { path: 'facts.work.0.to', message: '结束日期不能早于开始日期' },
        { path: 'facts.diplomas.0.graduatedOn', message: '请填写毕业日期，或勾选“在读应届毕业生”' },
      ]),
    );
  });

  it('coerces the level from a query string', () => {
    expect(parseWith(windowQuerySchema, { level: '3', on: '2026-03-01' })).toEqual({ ok: true, data: { level: 3, on: '2026-03-01' } });
  });
});
