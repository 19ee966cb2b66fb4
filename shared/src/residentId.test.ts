import { ageOn, maskResidentId, parseResidentId, residentIdCheckChar } from './residentId';

/** A valid number for a birth date, built with the real check digit. */
function idFor(birthDate: string, sequence = '123'): string {
  const first17 = `310101${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

describe('parseResidentId', () => {
  it('accepts the GB 11643 sample number and reads birth date and sex', () => {
    expect(parseResidentId('11010519491231002X')).toEqual({ ok: true, birthDate: '1949-12-31', sex: 'female' });
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(parseResidentId(' 11010519491231002x ')).toMatchObject({ ok: true, birthDate: '1949-12-31' });
  });

  it('reads sex from the 17th digit', () => {
    expect(parseResidentId(idFor('2009-05-01', '123'))).toMatchObject({ ok: true, sex: 'male' });
    expect(parseResidentId(idFor('2009-05-01', '124'))).toMatchObject({ ok: true, sex: 'female' });
  });

  it.each([
    ['1101051949123100', '应为18位'],
    ['11010519491231002A', '前17位应为数字'],
    ['99010519491231002X', '地区码'],
    ['110105194902300021', '出生日期无效'],
    ['110105194912310021', '校验位不正确'],
  ])('rejects %s with a Chinese reason', (id, reason) => {
    const result = parseResidentId(id);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});

describe('ageOn', () => {
  it('counts the birthday itself: born 2010-03-05 is 16 on 2026-03-05, 15 the day before', () => {
    expect(ageOn('2010-03-05', '2026-03-05')).toBe(16);
    expect(ageOn('2010-03-05', '2026-03-04')).toBe(15);
  });

  it('a 29 February birthday turns over on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
  });
});

describe('maskResidentId', () => {
  it('keeps the first and last four characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
  });
});
