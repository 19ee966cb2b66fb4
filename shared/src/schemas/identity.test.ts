import { parseWith } from './index';
import { maskPhone, profileRequestSchema, wechatLoginSchema } from './identity';

describe('profile request', () => {
  it('accepts a Chinese name with a middle dot and normalises the ID number', () => {
    expect(parseWith(profileRequestSchema, { name: ' 买买提·艾力 ', residentId: '11010519491231002x', email: '' })).toEqual({
      ok: true,
      data: { name: '买买提·艾力', residentId: '11010519491231002X', email: '' },
    });
  });

  it('explains a wrong ID number in Chinese, beside the field', () => {
    expect(parseWith(profileRequestSchema, { name: '张三', residentId: '110105194912310021' })).toEqual({
      ok: false,
      issues: [{ path: 'residentId', message: '身份证号码校验位不正确，请逐位核对' }],
    });
  });

  it('refuses names that cannot be on an ID card, and bad e-mail addresses', () => {
    const parsed = parseWith(profileRequestSchema, { name: '张3', residentId: '11010519491231002X', email: 'a@b' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.issues).toEqual([
        { path: 'name', message: '请填写与身份证一致的姓名' },
        { path: 'email', message: '邮箱格式不正确' },
      ]);
  });
});

describe('wechat login request', () => {
  it('needs a code', () => {
    expect(parseWith(wechatLoginSchema, {})).toEqual({ ok: false, issues: [{ path: 'code', message: '缺少登录凭证' }] });
  });
});

describe('maskPhone', () => {
  it('shows the first three and last four digits only', () => {
    expect(maskPhone('13900000001')).toBe('139****0001');
    expect(maskPhone('123')).toBe('***');
  });
});
