import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from './config';

/** Test keys for the production-settings checks, made here and never stored. */
const merchantKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platformKey = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe('configuration', () => {
  it('defaults to the embedded SQLite', () => {
    expect(loadConfig({}).database.kind).toBe('sqlite');
  });

  const REDIS_URL = 'redis://127.0.0.1:6379/0';

  it('uses MariaDB when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/skillcert', REDIS_URL }).database).toEqual({
      kind: 'mariadb',
      url: 'mysql://root@127.0.0.1:3306/skillcert',
      poolSize: 20,
      queueLimit: 1000,
    });
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/skillcert', REDIS_URL, DB_POOL_SIZE: '5', DB_POOL_QUEUE: '50' }).database).toMatchObject({
      poolSize: 5,
      queueLimit: 50,
    });
  });

  it('shares throttles through Redis whenever the database is MariaDB', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/skillcert' })).toThrow(/REDIS_URL is required with DATABASE_URL/);
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/skillcert', REDIS_URL, REDIS_KEY_PREFIX: 'a:' }).redis).toEqual({
      url: REDIS_URL,
      keyPrefix: 'a:',
    });
    expect(loadConfig({}).redis).toBeUndefined();
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL must look like/);
  });

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names', () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
    for (const wrong of ['yes', '10.0.0.0/33', 'loopback/8', '*', '300.1.1.1']) expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY/);
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
    REDIS_URL: 'redis://cache:6379/0',
    WECHAT_API_BASE: 'https://api.weixin.qq.com',
    WECHAT_APPID: 'wx1234567890abcdef',
    WECHAT_SECRET: '0123456789abcdef0123456789abcdef',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    DATA_HMAC_KEY: Buffer.alloc(32, 9).toString('base64'),
    ADMIN_PASSWORD: 'a-long-production-password',
    WECHATPAY_API_BASE: 'https://api.mch.weixin.qq.com',
    WECHATPAY_MCHID: '1900000109',
    WECHATPAY_MERCHANT_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    WECHATPAY_MERCHANT_PRIVATE_KEY: merchantKey.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    WECHATPAY_PLATFORM_PUBLIC_KEY_ID: 'PUB_KEY_ID_0119000001092026000000000001',
    WECHATPAY_PLATFORM_PUBLIC_KEY: platformKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    WECHATPAY_APIV3_KEY: '0123456789abcdef0123456789abcdef',
    PUBLIC_BASE_URL: 'https://skillcert.example.cn',
    WECHAT_TEMPLATE_TICKET: 'tK8a3vQe0Yx1ticket',
    WECHAT_TEMPLATE_RESULTS: 'rS2b9wPf1Zy2results',
    WECHAT_TEMPLATE_REVIEW: 'rV4c7xNg2Aa3review',
    FILE_STORE: 's3',
    S3_ENDPOINT: 'https://cos.ap-shanghai.myqcloud.com',
    S3_REGION: 'ap-shanghai',
    S3_BUCKET: 'skillcert-1250000000',
    S3_ACCESS_KEY_ID: 'AKIDexample',
    S3_SECRET_ACCESS_KEY: 'secret-example',
  };

  it('starts in production with real settings', () => {
    expect(loadConfig(production)).toMatchObject({
      env: 'production',
      fileStore: 's3',
      s3: { endpoint: 'https://cos.ap-shanghai.myqcloud.com', bucket: 'skillcert-1250000000', forcePathStyle: false, keyPrefix: 'uploads/' },
      wechat: { apiBase: 'https://api.weixin.qq.com', appId: 'wx1234567890abcdef' },
      wechatPay: {
        apiBase: 'https://api.mch.weixin.qq.com',
        credentials: { mchid: '1900000109' },
        notifyUrl: 'https://skillcert.example.cn/api/payments/wechat/notify',
      },
    });
  });

  it('in WeChat Cloud Hosting the platform signs WeChat calls: no app secret is needed there', () => {
    expect(loadConfig({ ...production, WECHAT_SECRET: '', WECHAT_CLOUD_HOSTING: 'true' }).wechat.cloudHosting).toBe(true);
    expect(() => loadConfig({ ...production, WECHAT_SECRET: '' })).toThrow(/WECHAT_APPID and WECHAT_SECRET/);
  });

  it('a merchant without a platform public key verifies WeChat Pay by its downloaded certificates; a key id without its key is refused', () => {
    const certificates = loadConfig({ ...production, WECHATPAY_PLATFORM_PUBLIC_KEY_ID: '', WECHATPAY_PLATFORM_PUBLIC_KEY: '' });
    expect(certificates.wechatPay.credentials?.platform).toEqual({ mode: 'certificates' });
    expect(loadConfig(production).wechatPay.credentials?.platform).toMatchObject({ mode: 'publicKey', keyId: 'PUB_KEY_ID_0119000001092026000000000001' });
    expect(() => loadConfig({ ...production, WECHATPAY_PLATFORM_PUBLIC_KEY: '' })).toThrow(
      /WECHATPAY_PLATFORM_PUBLIC_KEY_ID and WECHATPAY_PLATFORM_PUBLIC_KEY go together/,
    );
  });

  it.each([
    ['demo mode on', { DEMO_MODE: 'true' }, /DEMO_MODE/],
    ['the embedded SQLite', { DATABASE_URL: '' }, /DATABASE_URL is required/],
    ['no WeChat API base (the fake)', { WECHAT_API_BASE: '' }, /WECHAT_API_BASE is required/],
    ['the development AppID', { WECHAT_APPID: '' }, /WECHAT_APPID and WECHAT_SECRET/],
    ['the development data keys', { DATA_ENCRYPTION_KEY: '' }, /DATA_ENCRYPTION_KEY and DATA_HMAC_KEY/],
    ['the development admin password', { ADMIN_PASSWORD: '' }, /ADMIN_PASSWORD must be set/],
    ['no WeChat Pay merchant key', { WECHATPAY_MERCHANT_PRIVATE_KEY: '' }, /WECHATPAY_\* merchant setting/],
    ['the development message templates', { WECHAT_TEMPLATE_REVIEW: '' }, /WECHAT_TEMPLATE_TICKET/],
    ['a plain-http notify address', { PUBLIC_BASE_URL: 'http://skillcert.example.cn' }, /PUBLIC_BASE_URL must be the https origin/],
    ['no store named for uploads', { FILE_STORE: '' }, /FILE_STORE is required in production/],
    ["uploads on the container's own disk", { FILE_STORE: 'disk' }, /FILE_STORE=disk cannot serve several replicas/],
    ['an object store without its bucket', { S3_BUCKET: '' }, /FILE_STORE=s3 needs S3_REGION, S3_BUCKET/],
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
