import { DomainError } from '../errors';
import { bankTransferRemark, feeFor, formatAmount, formatYuan, getPlan, levelDisplayName, listPlans, offeredLevels } from './index';

describe('rule packs', () => {
  it('ships both seeds as plans', () => {
    expect(listPlans().map((p) => p.id)).toEqual(['shanghai-2026', 'beijing-2021']);
  });

  it('an unknown plan id throws a coded error', () => {
    expect(() => getPlan('nowhere-2030')).toThrow(DomainError);
    try {
      getPlan('nowhere-2030');
    } catch (e) {
      expect((e as DomainError).code).toBe('PLAN_NOT_FOUND');
    }
  });

  it('Shanghai 2026 offers levels 3, 4, 5; Beijing 2021 offers 4 and 3', () => {
    expect(offeredLevels(getPlan('shanghai-2026'))).toEqual([3, 4, 5]);
    expect(offeredLevels(getPlan('beijing-2021'))).toEqual([4, 3]);
  });

  it.each([
    ['shanghai-2026', 3, 100_00, 350_00, undefined, 450_00],
    ['shanghai-2026', 4, 100_00, 300_00, undefined, 400_00],
    ['shanghai-2026', 5, 100_00, 250_00, undefined, 350_00],
    ['beijing-2021', 4, 100_00, 200_00, undefined, 300_00],
    ['beijing-2021', 3, 100_00, 240_00, undefined, 340_00],
    ['beijing-2021', 2, 100_00, 280_00, 290_00, 670_00],
    ['beijing-2021', 1, 100_00, 310_00, 330_00, 740_00],
  ] as const)('%s level %i fees in fen: theory %i, practical %i, review %s, total %i', (planId, level, theory, practical, review, total) => {
    expect(feeFor(planId, level, ['theory'])).toBe(theory);
    expect(feeFor(planId, level, ['practical'])).toBe(practical);
    if (review !== undefined) expect(feeFor(planId, level, ['review'])).toBe(review);
    expect(feeFor(planId, level)).toBe(total);
  });

  it('fees are whole fen', () => {
    for (const plan of listPlans()) for (const level of plan.levels) for (const s of level.subjects) expect(Number.isInteger(s.feeFen)).toBe(true);
  });

  it('a subject the level does not have is refused', () => {
    expect(() => feeFor('shanghai-2026', 4, ['review'])).toThrow(expect.objectContaining({ code: 'SUBJECT_NOT_OFFERED' }));
    expect(() => feeFor('shanghai-2026', 1)).toThrow(expect.objectContaining({ code: 'LEVEL_NOT_OFFERED' }));
  });

  it('Shanghai bank transfer: account, bank and the exact remark per level', () => {
    expect(getPlan('shanghai-2026').payment.bank).toMatchObject({
      accountName: '上海市算力网络协会',
      accountNumber: '642946633',
      bankName: '中国民生银行股份有限公司上海市东支行',
    });
    expect(bankTransferRemark('shanghai-2026', 3)).toBe('呼叫中心服务员（3级）-考核费');
    expect(bankTransferRemark('beijing-2021', 4)).toBeUndefined();
  });

  it('Beijing subjects: theory 90 minutes by computer, practical 30 minutes hands-on; site', () => {
    const plan = getPlan('beijing-2021');
    const level4 = plan.levels.find((l) => l.level === 4)!;
    expect(level4.subjects).toEqual([
      expect.objectContaining({ kind: 'theory', minutes: 90, mode: '机考' }),
      expect.objectContaining({ kind: 'practical', minutes: 30, mode: '实操' }),
    ]);
    expect(plan.assessment.site).toEqual({ name: '北大青鸟研修学院主楼', address: '北京市海淀区上庄镇上庄路117号' });
    expect(levelDisplayName('beijing-2021', 3)).toBe('三级/高级工（助理呼叫服务师）');
  });

  it('Beijing level 3 materials include the CHSI verification code', () => {
    const names = getPlan('beijing-2021')
      .levels.find((l) => l.level === 3)!
      .materials.map((m) => m.name);
    expect(names).toHaveLength(6);
    expect(names.join()).toContain('学信网在线验证码');
  });

  it('Shanghai contacts and acceptance point', () => {
    const plan = getPlan('shanghai-2026');
    expect(plan.acceptancePoint?.address).toBe('上海市虹口区天宝路879号B楼413室');
    expect(plan.contacts.map((c) => c.value)).toEqual(expect.arrayContaining(['021-65791220', '18901770000', '400-820-9278']));
    expect(getPlan('beijing-2021').contacts.map((c) => c.value)).toContain('tousu@bdqn.cn');
  });

  it('formats fen as yuan for people', () => {
    expect(formatYuan(450_00)).toBe('¥450');
    expect(formatYuan(12_34)).toBe('¥12.34');
    expect(formatAmount(400_00)).toBe('¥400.00');
    expect(formatAmount(5)).toBe('¥0.05');
    expect(formatAmount(-12_30)).toBe('-¥12.30');
  });
});
