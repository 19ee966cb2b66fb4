import { loadConfig } from './config';

describe('configuration', () => {
  it('defaults to the embedded SQLite', () => {
    expect(loadConfig({}).database.kind).toBe('sqlite');
  });

  it('uses MariaDB when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/skillcert' }).database).toEqual({
      kind: 'mariadb',
      url: 'mysql://root@127.0.0.1:3306/skillcert',
    });
  });

  it('treats an empty variable as not set', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ database: { kind: 'sqlite' }, port: 3000 });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x/y' })).toThrow(/DATABASE_URL/);
  });

  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'mysql://u:p@db:3306/skillcert',
    WECHAT_API_BASE: 'https://api.weixin.qq.com',
    WECHAT_APPID: 'wx1234567890abcdef',
    WECHAT_SECRET: '0123456789abcdef0123456789abcdef',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    DATA_HMAC_KEY: Buffer.alloc(32, 9).toString('base64'),
    ADMIN_PASSWORD: 'a-long-production-password',
  };

  it('starts in production with real settings', () => {
    expect(loadConfig(production)).toMatchObject({ env: 'production', wechat: { apiBase: 'https://api.weixin.qq.com', appId: 'wx1234567890abcdef' } });
  });

  it.each([
    ['demo mode on', { DEMO_MODE: 'true' }, /DEMO_MODE/],
    ['the embedded SQLite', { DATABASE_URL: '' }, /DATABASE_URL is required/],
    ['no WeChat API base (the fake)', { WECHAT_API_BASE: '' }, /WECHAT_API_BASE is required/],
    ['the development AppID', { WECHAT_APPID: '' }, /WECHAT_APPID and WECHAT_SECRET/],
    ['the development data keys', { DATA_ENCRYPTION_KEY: '' }, /DATA_ENCRYPTION_KEY and DATA_HMAC_KEY/],
    ['the development admin password', { ADMIN_PASSWORD: '' }, /ADMIN_PASSWORD must be set/],
  ])('refuses production with %s', (_, override, message) => {
    expect(() => loadConfig({ ...production, ...override })).toThrow(message);
  });

  it('a fixed clock is for tests only', () => {
    expect(loadConfig({ NODE_ENV: 'test', FIXED_NOW: '2026-03-10T10:00:00+08:00' }).fixedNow?.toISOString()).toBe('2026-03-10T02:00:00.000Z');
    expect(() => loadConfig({ FIXED_NOW: '2026-03-10T10:00:00+08:00' })).toThrow(/FIXED_NOW is for tests only/);
  });

  it('refuses a short encryption key, naming it', () => {
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/DATA_ENCRYPTION_KEY must be at least 32 bytes/);
  });
});
