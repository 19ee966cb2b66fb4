import request from 'supertest';
import { aResidentId, databaseTargets, SAMPLE_FILES, startServer, type TestServer } from './harness';

const NOW = new Date('2026-03-10T02:00:00Z');

/**
 * WeChat Cloud Hosting: the mini program reaches the server only through the
 * platform (wx.cloud.callContainer), which names the WeChat user in X-WX-OPENID;
 * the server calls WeChat's APIs through the platform's open-API service, with
 * no access token. The fake WeChat plays both parts.
 */
describe.each(databaseTargets())('WeChat Cloud Hosting mode, on $name', (target) => {
  let cloud: TestServer;
  let plain: TestServer;
  let gateway: string;

  beforeAll(async () => {
    cloud = await startServer(target, NOW, { WECHAT_CLOUD_HOSTING: 'true' }, { openApiService: true });
    gateway = await cloud.wechat.startGateway(cloud.url);
    plain = await startServer(target, NOW);
  });

  afterAll(async () => {
    await cloud.close();
    await plain.close();
  });

  /** A call as the mini program makes it through callContainer, for the WeChat user `persona`. */
  const through = (persona: string) => {
    const as = (test: request.Test, token?: string) => {
      test.set('X-Fake-Persona', persona);
      return token ? test.set('Authorization', `Bearer ${token}`) : test;
    };
    return {
      post: (path: string, body: object = {}, token?: string) => as(request(gateway).post(path), token).send(body),
      put: (path: string, body: object, token?: string) => as(request(gateway).put(path), token).send(body),
      get: (path: string, token?: string) => as(request(gateway).get(path), token),
      // callContainer sends no multipart: the bytes are the body, the name a header.
      upload: (bytes: Buffer, filename: string, token: string) =>
        as(request(gateway).post('/api/files'), token)
          .set('Content-Type', 'application/octet-stream')
          .set('X-Upload-Name', encodeURIComponent(filename))
          .send(bytes),
    };
  };

  it('signs a candidate in by the platform’s header alone, and they apply', async () => {
    const chen = through('cloud-chen');
    const signedIn = await chen.post('/api/auth/wechat-cloud').expect(200);
    const token = signedIn.body.token as string;
    expect(signedIn.body.me).toMatchObject({ userId: expect.any(String) });
    // The same WeChat user tomorrow is the same account.
    expect((await chen.post('/api/auth/wechat-cloud').expect(200)).body.me.userId).toBe(signedIn.body.me.userId);

    await chen.put('/api/me/profile', { name: '陈同学', residentId: aResidentId() }, token).expect(200);
    // The phone number through the open-API service: no access token asked for or sent.
    const phoneCode = cloud.wechat.issuePhoneCode('13912345678');
    await chen.post('/api/me/phone', { code: phoneCode }, token).expect(200);
    expect(cloud.wechat.calls.some((c) => c.path === '/cgi-bin/stable_token')).toBe(false);

    const idCard = (await chen.upload(SAMPLE_FILES.jpeg, '身份证.jpg', token).expect(201)).body.id as string;
    const proof = (await chen.upload(SAMPLE_FILES.pdf, '学籍证明.pdf', token).expect(201)).body.id as string;
    const tooLarge = await chen.upload(Buffer.alloc(21 * 1024 * 1024, 1), 'huge.pdf', token).expect(413);
    expect(tooLarge.body.code).toBe('FILE_TOO_LARGE');
    const applied = await chen
      .post(
        '/api/applications',
        {
          planId: 'shanghai-2026',
          level: 4,
          facts: { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] },
          materials: [
            { materialId: 'id-card', fileIds: [idCard] },
            { materialId: 'eligibility-proof', fileIds: [proof] },
          ],
          commitments: [{ materialId: 'signed-form', signedName: '陈同学' }],
        },
        token,
      )
      .expect(201);
    expect(applied.body).toMatchObject({ state: 'submitted', level: 4 });
  });

  it('takes the platform’s word only: a header the caller wrote is replaced, and a call without a WeChat user is refused', async () => {
    // What a caller writes into X-WX-OPENID never reaches the server: the platform sets its own.
    const forged = await request(gateway)
      .post('/api/auth/wechat-cloud')
      .set('X-Fake-Persona', 'cloud-mallory')
      .set('X-WX-OPENID', cloud.wechat.openidFor('cloud-chen'));
    const chen = await through('cloud-chen').post('/api/auth/wechat-cloud').expect(200);
    expect(forged.status).toBe(200);
    expect(forged.body.me.userId).not.toBe(chen.body.me.userId);
    // No WeChat user behind the call (the platform adds no headers): no sign-in.
    const anonymous = await request(gateway).post('/api/auth/wechat-cloud').expect(401);
    expect(anonymous.body.code).toBe('WECHAT_LOGIN_FAILED');
  });

  it('a server not in that mode ignores the headers: no such sign-in, and a code is still required', async () => {
    const headers = { 'X-WX-OPENID': plain.wechat.openidFor('someone'), 'X-WX-APPID': plain.config.wechat.appId, 'X-WX-SOURCE': 'wx_client' };
    await request(plain.url).post('/api/auth/wechat-cloud').set(headers).expect(404);
    const withoutCode = await request(plain.url).post('/api/auth/wechat').set(headers).send({}).expect(400);
    expect(withoutCode.body.code).toBe('VALIDATION_FAILED');
    await request(plain.url).get('/api/me').set(headers).expect(401);
  });
});
