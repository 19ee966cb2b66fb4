import { createBatchSchema } from '../schemas/batches';
import { createStaffSchema } from '../schemas/staff';
import { transferNoticeSchema } from '../schemas/applications';
import { parseWith, rejectSchema } from '../index';
import { hasUnprintable, startsLikeFormula } from './text';

describe('text a person can type', () => {
  it('knows controls, bidi overrides and zero-width characters from text, line breaks and emoji', () => {
    for (const bad of ['a\u0000b', 'a\u0007', '\u202eevil', 'x\u2066y', '张\u200b三', '\ufeffname', 'a\u0085b']) expect(hasUnprintable(bad)).toBe(true);
    for (const good of ['张三', '第一行\n第二行\r\n', 'a\tb', '考点 B楼413室', '👍', '沈·阿依']) expect(hasUnprintable(good)).toBe(false);
  });

  it('every request refuses such a character, naming the field', () => {
    expect(parseWith(rejectSchema, { reason: '材料不全\u202e' })).toEqual({
      ok: false,
      issues: [{ path: 'reason', message: '含有无法显示的控制字符，请删除后重新输入' }],
    });
    expect(parseWith(rejectSchema, { reason: '材料不全\n请补交' }).ok).toBe(true);
  });

  it('names a spreadsheet would run as a formula are refused where names are exported', () => {
    for (const formula of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', ' =1', '\t=1']) expect(startsLikeFormula(formula)).toBe(true);
    expect(startsLikeFormula('上海市某职业技术学校')).toBe(false);
    expect(parseWith(createBatchSchema, { planId: 'shanghai-2026', level: 4, name: '=cmd|calc' })).toMatchObject({
      ok: false,
      issues: [{ path: 'name', message: '批次名称不能以 = + - @ 开头' }],
    });
    const staff = { username: 'clerk', displayName: '王老师', password: 'a-long-password', kind: 'institution', institutionName: '@学校' };
    expect(parseWith(createStaffSchema, staff)).toMatchObject({ ok: false, issues: [{ path: 'institutionName' }] });
    expect(parseWith(createStaffSchema, { ...staff, institutionName: '某学校', displayName: '+王' })).toMatchObject({
      ok: false,
      issues: [{ path: 'displayName' }],
    });
    expect(parseWith(transferNoticeSchema, { payer: '-沈父亲' })).toMatchObject({ ok: false, issues: [{ path: 'payer' }] });
  });
});
