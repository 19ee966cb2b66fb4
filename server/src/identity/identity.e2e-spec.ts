import { parseResidentId } from '@skillcert/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { aResidentId, databaseTargets, startServer, type TestServer } from '../../test/harness';
import { CandidateProfileEntity } from './candidate-profile.entity';

const NOW = new Date('2026-03-27T02:00:00Z');

function sexOf(id: string): 'male' | 'female' {
  const parsed = parseResidentId(id);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.sex;
}

describe.each(databaseTargets())('WeChat sign-in and real-name profiles on $name', (target) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(target, NOW);
  });

  afterAll(async () => {
    await server?.close();
  });

  async function signIn(persona: string): Promise<{ token: string; userId: string }> {
    const res = await request(server.url)
      .post('/api/auth/wechat')
      .send({ code: server.wechat.issueLoginCode(persona) })
      .expect(200);
    return { token: res.body.token, userId: res.body.me.userId };
  }

  it('signs in with a wx.login code, and the same WeChat user is the same account next time', async () => {
    const code = server.wechat.issueLoginCode('xiaoming');
    const first = await request(server.url).post('/api/auth/wechat').send({ code }).expect(200);
    expect(first.body).toMatchObject({ token: expect.any(String), me: { userId: expect.any(String) } });
    expect(first.body.me.profile).toBeUndefined();
    expect(JSON.stringify(first.body)).not.toContain('session_key');
    const again = await signIn('xiaoming');
    expect(again.userId).toBe(first.body.me.userId);
  });

  it('refuses a code that was already used, in Chinese', async () => {
    const code = server.wechat.issueLoginCode('reuse');
    await request(server.url).post('/api/auth/wechat').send({ code }).expect(200);
    const res = await request(server.url).post('/api/auth/wechat').send({ code }).expect(401);
    expect(res.body).toEqual({ code: 'WECHAT_LOGIN_FAILED', message: '微信登录失败，请重新进入小程序后再试' });
  });

  it('says WeChat is busy when it is rate-limited', async () => {
    server.wechat.failNext('/sns/jscode2session', 'rateLimited');
    const res = await request(server.url)
      .post('/api/auth/wechat')
      .send({ code: server.wechat.issueLoginCode('busy') })
      .expect(429);
    expect(res.body).toEqual({ code: 'WECHAT_RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
  });

  it('needs a live token for /api/me', async () => {
    expect((await request(server.url).get('/api/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
    expect((await request(server.url).get('/api/me').set('Authorization', 'Bearer nonsense').expect(401)).body.message).toBe('登录已失效，请重新登录');
  });

  it('renews a token (the old one stops working) and signs out', async () => {
    const { token } = await signIn('renewer');
    const renewed = await request(server.url).post('/api/auth/refresh').set('Authorization', `Bearer ${token}`).expect(200);
    await request(server.url).get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    await request(server.url).get('/api/me').set('Authorization', `Bearer ${renewed.body.token}`).expect(200);
    await request(server.url).post('/api/auth/logout').set('Authorization', `Bearer ${renewed.body.token}`).expect(204);
    await request(server.url).get('/api/me').set('Authorization', `Bearer ${renewed.body.token}`).expect(401);
  });

  it('a session expires after its lifetime', async () => {
    const { token } = await signIn('sleeper');
    server.clock.set(new Date(NOW.getTime() + (server.config.sessionTtlHours + 1) * 3_600_000));
    try {
      await request(server.url).get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    } finally {
      server.clock.set(NOW);
    }
  });

  it('records the real name; the ID number is masked in answers and encrypted at rest', async () => {
    const { token, userId } = await signIn('real-name');
    const id = aResidentId();
    const res = await request(server.url)
      .put('/api/me/profile')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: '王小明', residentId: id, email: 'xm@example.com' })
      .expect(200);
    expect(res.body.profile).toEqual({
      name: '王小明',
      residentIdMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
      birthDate: '2008-09-01',
      sex: sexOf(id),
      email: 'xm@example.com',
    });
    expect(JSON.stringify(res.body)).not.toContain(id);

    const row = await server.app.get(DataSource).getRepository(CandidateProfileEntity).findOneByOrFail({ userId });
    expect(JSON.stringify(row)).not.toContain(id);
    expect(row.residentIdHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('explains a wrong ID number beside the field, and saves nothing', async () => {
    const { token } = await signIn('typo');
    const res = await request(server.url)
      .put('/api/me/profile')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: '李四', residentId: '110105194912310021' })
      .expect(400);
    expect(res.body.issues).toEqual([{ path: 'residentId', message: '身份证号码校验位不正确，请逐位核对' }]);
    expect((await request(server.url).get('/api/me').set('Authorization', `Bearer ${token}`).expect(200)).body.profile).toBeUndefined();
  });

  it('one ID number belongs to one account, even when two accounts race for it', async () => {
    const id = aResidentId('19900101');
    const [a, b, c] = await Promise.all([signIn('racer-a'), signIn('racer-b'), signIn('racer-c')]);
    const results = await Promise.all(
      [a, b].map((s) => request(server.url).put('/api/me/profile').set('Authorization', `Bearer ${s.token}`).send({ name: '赵六', residentId: id })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body).toEqual({
      code: 'RESIDENT_ID_TAKEN',
      message: '该身份证号码已被其他账号实名登记。如非本人操作，请联系受理点处理',
    });
    const later = await request(server.url)
      .put('/api/me/profile')
      .set('Authorization', `Bearer ${c.token}`)
      .send({ name: '赵六', residentId: id.toLowerCase() })
      .expect(409);
    expect(later.body.code).toBe('RESIDENT_ID_TAKEN');
  });

  it('takes the phone number WeChat verified, refreshing a stale access token once', async () => {
    const { token } = await signIn('phone-owner');
    await request(server.url)
      .put('/api/me/profile')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: '孙七', residentId: aResidentId('19950505') })
      .expect(200);
    const { body: first } = await request(server.url)
      .post('/api/me/phone/demo-code')
      .set('Authorization', `Bearer ${token}`)
      .send({ phone: '13912345678' })
      .expect(200);
    await request(server.url).post('/api/me/phone').set('Authorization', `Bearer ${token}`).send({ code: first.code }).expect(200);

    server.wechat.expireTokens();
    const second = server.wechat.issuePhoneCode('13700001111');
    const res = await request(server.url).post('/api/me/phone').set('Authorization', `Bearer ${token}`).send({ code: second }).expect(200);
    expect(res.body.profile.phone).toBe('13700001111');
    const refusedThenRetried = server.wechat.calls.filter((c) => c.path === '/wxa/business/getuserphonenumber').slice(-2);
    expect(refusedThenRetried.map((c) => c.errcode)).toEqual([40001, 0]);

    const reused = await request(server.url).post('/api/me/phone').set('Authorization', `Bearer ${token}`).send({ code: second }).expect(422);
    expect(reused.body.code).toBe('WECHAT_PHONE_FAILED');
  });

  it('asks for the real-name profile before the phone number', async () => {
    const { token } = await signIn('no-profile');
    const res = await request(server.url)
      .post('/api/me/phone')
      .set('Authorization', `Bearer ${token}`)
      .send({ code: server.wechat.issuePhoneCode('13800000000') })
      .expect(409);
    expect(res.body).toEqual({ code: 'PROFILE_INCOMPLETE', message: '请先完成实名信息登记' });
  });
});
