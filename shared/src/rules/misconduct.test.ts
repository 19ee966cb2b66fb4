import { penaltyFor } from './misconduct';

describe('penaltyFor (参评人员须知)', () => {
  it('article 1: all cancelled, fees kept, certificates void, no ban before sitting', () => {
    const penalty = penaltyFor({ article: 1, on: '2026-05-20' });
    expect(penalty).toMatchObject({ cancels: 'all', voidsCertificates: true, forfeitsFees: true });
    expect(penalty).not.toHaveProperty('bannedThrough');
  });

  it('article 1 after sitting is also article 4(1): a ban of 2 or 5 years, which staff must decide', () => {
    expect(() => penaltyFor({ article: 1, on: '2026-05-20', afterSitting: true })).toThrow(expect.objectContaining({ code: 'MISCONDUCT_SEVERITY_REQUIRED' }));
    expect(penaltyFor({ article: 1, severity: 'minor', on: '2026-05-20', afterSitting: true })).toMatchObject({
      cancels: 'all',
      bannedThrough: '2028-05-19',
      voidsCertificates: true,
    });
    expect(penaltyFor({ article: 1, severity: 'serious', on: '2026-05-20', afterSitting: true })).toMatchObject({
      bannedThrough: '2031-05-19',
      referral: true,
    });
  });

  it('article 2: that subject only', () => {
    const penalty = penaltyFor({ article: 2, on: '2026-05-20' });
    expect(penalty).toMatchObject({ cancels: 'subject', voidsCertificates: false });
    expect(penalty).not.toHaveProperty('bannedThrough');
  });

  it('article 3: all subjects, banned through 31 December of that year', () => {
    expect(penaltyFor({ article: 3, on: '2026-05-20' })).toMatchObject({ cancels: 'all', bannedThrough: '2026-12-31' });
  });

  it('article 4: minor 2 years, serious 5 years, through the day before the anniversary', () => {
    expect(penaltyFor({ article: 4, severity: 'minor', on: '2026-05-20' })).toMatchObject({ cancels: 'all', bannedThrough: '2028-05-19', referral: false });
    expect(penaltyFor({ article: 4, severity: 'serious', on: '2026-05-20' })).toMatchObject({ cancels: 'all', bannedThrough: '2031-05-19', referral: true });
  });

  it('article 4 needs a severity', () => {
    expect(() => penaltyFor({ article: 4, on: '2026-05-20' })).toThrow(expect.objectContaining({ code: 'MISCONDUCT_SEVERITY_REQUIRED' }));
  });

  it('found after the event: certificates are revoked', () => {
    expect(penaltyFor({ article: 3, on: '2026-05-20', discoveredAfterEvent: true }).voidsCertificates).toBe(true);
  });
});

describe('penalties as the 须知 words them', () => {
  it('第一条 keeps "虚假材料及考核评价费不予退还"; a serious 第四条 keeps its referral whole', () => {
    expect(penaltyFor({ article: 1, on: '2026-05-20' }).summary).toBe('取消其考试资格及考试成绩，虚假材料及考核评价费不予退还，已获得的证书作无效处理');
    expect(penaltyFor({ article: 4, severity: 'serious', on: '2026-05-20' }).summary).toBe(
      '取消当次全部科目成绩，5年内不得参加评价，并依据有关法律法规移送有关部门',
    );
    expect(penaltyFor({ article: 1, severity: 'serious', on: '2026-05-20', afterSitting: true }).summary).toContain('虚假材料及考核评价费不予退还');
  });
});
