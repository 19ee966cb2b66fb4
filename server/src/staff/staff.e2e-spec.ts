import request from 'supertest';
import { databaseTargets, postFrom, startServer, type TestServer } from '../../test/harness';

const NOW = new Date('2026-03-27T02:00:00Z');

describe.each(databaseTargets())('staff and institution accounts on $name', (target) => {
  let server: TestServer;
  let adminToken: string;

  beforeAll(async () => {
    server = await startServer(target, NOW, { ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'chief-password-1234' });
    const res = await request(server.url).post('/api/staff/login').send({ username: 'chief', password: 'chief-password-1234' }).expect(200);
    adminToken = res.body.token;
    expect(res.body.staff).toMatchObject({ username: 'chief', bodyId: 'sh-cpna', kind: 'staff', roles: ['admin'] });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/i);
  });

  afterAll(async () => {
    await server?.close();
  });

  const create = (body: Record<string, unknown>, token = adminToken) =>
    request(server.url).post('/api/staff/accounts').set('Authorization', `Bearer ${token}`).send(body);

  it('the first admin comes from configuration, once however often the server starts', async () => {
    const second = await startServer(target, NOW, { ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: 'another-password-5678' });
    try {
      // The existing admin keeps the original password.
      await request(second.url).post('/api/staff/login').send({ username: 'chief', password: 'chief-password-1234' }).expect(200);
      await request(second.url).post('/api/staff/login').send({ username: 'chief', password: 'another-password-5678' }).expect(401);
    } finally {
      await second.close();
    }
  });

  it('an admin creates a reviewer, who signs in and sees their roles', async () => {
    const created = await create({ username: 'reviewer.li', displayName: '李审核', password: 'reviewer-pass-2026', kind: 'staff', roles: ['reviewer'] }).expect(
      201,
    );
    expect(created.body).toMatchObject({ username: 'reviewer.li', roles: ['reviewer'], bodyId: 'sh-cpna' });
    const login = await request(server.url).post('/api/staff/login').send({ username: 'reviewer.li', password: 'reviewer-pass-2026' }).expect(200);
    const me = await request(server.url).get('/api/staff/me').set('Authorization', `Bearer ${login.body.token}`).expect(200);
    expect(me.body).toMatchObject({ displayName: '李审核', roles: ['reviewer'] });
  });

  it('an institution account belongs to one institution', async () => {
    const created = await create({
      username: 'school.clerk',
      displayName: '王老师',
      password: 'school-pass-2026',
      kind: 'institution',
      institutionName: '上海市某职业技术学校',
    }).expect(201);
    expect(created.body).toMatchObject({ kind: 'institution', roles: [], institution: { name: '上海市某职业技术学校' } });
    const again = await create({
      username: 'school.clerk2',
      displayName: '张老师',
      password: 'school-pass-2026',
      kind: 'institution',
      institutionName: '上海市某职业技术学校',
    }).expect(201);
    expect(again.body.institution.id).toBe(created.body.institution.id);
  });

  it('only admins manage accounts; a candidate is not staff', async () => {
    await create({ username: 'proctor.wu', displayName: '吴考务', password: 'proctor-pass-2026', kind: 'staff', roles: ['proctor'] }).expect(201);
    const proctor = await request(server.url).post('/api/staff/login').send({ username: 'proctor.wu', password: 'proctor-pass-2026' }).expect(200);
    const denied = await create(
      { username: 'sneaky', displayName: '某人', password: 'sneaky-pass-2026', kind: 'staff', roles: ['admin'] },
      proctor.body.token,
    ).expect(403);
    expect(denied.body).toEqual({ code: 'FORBIDDEN', message: '没有权限进行此操作' });

    const candidate = await request(server.url)
      .post('/api/auth/wechat')
      .send({ code: server.wechat.issueLoginCode('not-staff') })
      .expect(200);
    await request(server.url).get('/api/staff/me').set('Authorization', `Bearer ${candidate.body.token}`).expect(403);
    await request(server.url).get('/api/me').set('Authorization', `Bearer ${proctor.body.token}`).expect(403);
  });

  it('refuses a taken username and weak input, in Chinese', async () => {
    const taken = await create({ username: 'chief', displayName: '重名', password: 'whatever-pass-2026', kind: 'staff', roles: ['finance'] }).expect(409);
    expect(taken.body).toEqual({ code: 'USERNAME_TAKEN', message: '该用户名已被使用' });
    const weak = await create({ username: 'Bad Name', displayName: '', password: 'short', kind: 'staff', roles: [] }).expect(400);
    expect(weak.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['displayName', 'password', 'roles', 'username']);
  });

  it('a wrong password is refused without saying which part was wrong; five in a row lock the account for 15 minutes', async () => {
    await create({ username: 'finance.zhou', displayName: '周财务', password: 'finance-pass-2026', kind: 'staff', roles: ['finance'] }).expect(201);
    const unknown = await request(server.url).post('/api/staff/login').send({ username: 'nobody', password: 'x' }).expect(401);
    const wrong = await request(server.url).post('/api/staff/login').send({ username: 'finance.zhou', password: 'nope' }).expect(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });

    for (let i = 0; i < 3; i++) await request(server.url).post('/api/staff/login').send({ username: 'finance.zhou', password: 'nope' }).expect(401);
    const locked = await request(server.url).post('/api/staff/login').send({ username: 'finance.zhou', password: 'nope' }).expect(429);
    expect(locked.body).toEqual({ code: 'LOGIN_LOCKED', message: '登录失败次数过多，请15分钟后再试' });
    await request(server.url).post('/api/staff/login').send({ username: 'finance.zhou', password: 'finance-pass-2026' }).expect(429);

    server.clock.set(new Date(NOW.getTime() + 16 * 60_000));
    try {
      await request(server.url).post('/api/staff/login').send({ username: 'finance.zhou', password: 'finance-pass-2026' }).expect(200);
    } finally {
      server.clock.set(NOW);
    }
  });

  it("25 wrong passwords at once lock the account for that address; an outsider's five do not lock out the owner's own address", async () => {
    await create({ username: 'reviewer.he', displayName: '何审核', password: 'reviewer-pass-2026', kind: 'staff', roles: ['reviewer'] }).expect(201);
    const outsider = '127.0.0.2';
    const counter = '127.0.0.3';
    const signInFrom = (address: string, password: string) => postFrom(server, address, '/api/staff/login', { username: 'reviewer.he', password });
    const burst = await Promise.all(Array.from({ length: 25 }, () => signInFrom(outsider, 'guess')));
    const failed = burst.filter((r) => r.status === 401).length;
    const locked = burst.filter((r) => r.status === 429 && r.body.code === 'LOGIN_LOCKED').length;
    // Counted before checking: four told "wrong", the fifth and every later one refused unchecked.
    expect({ failed, locked }).toEqual({ failed: 4, locked: 21 });
    expect((await signInFrom(outsider, 'reviewer-pass-2026')).status).toBe(429);
    // The reviewer at the counter is not locked out by someone else's guesses.
    expect((await signInFrom(counter, 'reviewer-pass-2026')).status).toBe(200);
  });

  it('50 wrong passwords from 10 addresses rest the account for strangers, never for the admin at her own address', async () => {
    await create({ username: 'admin.lin', displayName: '林管理', password: 'admin-lin-pass-2026', kind: 'staff', roles: ['admin'] }).expect(201);
    const signInFrom = (address: string, password: string) => postFrom(server, address, '/api/staff/login', { username: 'admin.lin', password });
    const home = '127.0.0.40';
    expect((await signInFrom(home, 'admin-lin-pass-2026')).status).toBe(200);
    const strangers = Array.from({ length: 10 }, (_, i) => `127.0.1.${i + 1}`);
    const attacks = await Promise.all(
      strangers.map(async (address) => {
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) statuses.push((await signInFrom(address, `guess-${i}`)).status);
        return statuses;
      }),
    );
    // Each address: four told "wrong", the fifth refused as resting; fifty in all reach the account's ceiling.
    expect(attacks.flat().filter((status) => status === 401)).toHaveLength(40);
    // A new address now rests too, right password or not: the spread-out guessing is stopped.
    expect((await signInFrom('127.0.2.1', 'admin-lin-pass-2026')).status).toBe(429);
    // Her own address, where she signed in before, is not the strangers' to lock.
    expect((await signInFrom(home, 'admin-lin-pass-2026')).status).toBe(200);
  });

  it('an admin disables a reviewer: their open session stops at once, and they sign in no more until enabled', async () => {
    const created = (
      await create({ username: 'reviewer.gone', displayName: '离职审核', password: 'reviewer-gone-2026', kind: 'staff', roles: ['reviewer'] }).expect(201)
    ).body;
    const signIn = (password: string) => request(server.url).post('/api/staff/login').send({ username: 'reviewer.gone', password });
    const token = (await signIn('reviewer-gone-2026').expect(200)).body.token;
    await request(server.url).get('/api/review/applications').set('Authorization', `Bearer ${token}`).expect(200);

    const disabled = await request(server.url).post(`/api/staff/accounts/${created.id}/disable`).set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(disabled.body).toMatchObject({ username: 'reviewer.gone', disabled: true });
    expect((await request(server.url).get('/api/review/applications').set('Authorization', `Bearer ${token}`).expect(401)).body.code).toBe('UNAUTHENTICATED');
    expect((await signIn('reviewer-gone-2026').expect(403)).body).toEqual({ code: 'ACCOUNT_DISABLED', message: '该账号已停用，请联系管理员' });
    // A wrong password learns nothing about the account.
    expect((await signIn('not-the-password').expect(401)).body.code).toBe('LOGIN_FAILED');
    const self = (await request(server.url).get('/api/staff/me').set('Authorization', `Bearer ${adminToken}`).expect(200)).body;
    expect((await request(server.url).post(`/api/staff/accounts/${self.id}/disable`).set('Authorization', `Bearer ${adminToken}`).expect(403)).body).toEqual({
      code: 'OWN_ACCOUNT',
      message: '不能停用自己的账号',
    });

    await request(server.url).post(`/api/staff/accounts/${created.id}/enable`).set('Authorization', `Bearer ${adminToken}`).expect(200);
    await signIn('reviewer-gone-2026').expect(200);
  });

  it('a password reset ends the sessions and forces a new password at the next sign-in; the holder changes it themselves', async () => {
    const created = (
      await create({ username: 'finance.wu', displayName: '吴财务', password: 'finance-wu-2026a', kind: 'staff', roles: ['finance'] }).expect(201)
    ).body;
    const signIn = (password: string) => request(server.url).post('/api/staff/login').send({ username: 'finance.wu', password });
    const before = (await signIn('finance-wu-2026a').expect(200)).body.token;
    const reset = await request(server.url)
      .post(`/api/staff/accounts/${created.id}/reset-password`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ temporaryPassword: 'temporary-2026-xyz' })
      .expect(200);
    expect(reset.body).toMatchObject({ mustChangePassword: true });
    await request(server.url).get('/api/finance/credits').set('Authorization', `Bearer ${before}`).expect(401);
    await signIn('finance-wu-2026a').expect(401);

    const temporary = await signIn('temporary-2026-xyz').expect(200);
    expect(temporary.body.staff).toMatchObject({ mustChangePassword: true });
    const as = (path: string) => request(server.url).get(path).set('Authorization', `Bearer ${temporary.body.token}`);
    expect((await as('/api/finance/credits').expect(403)).body).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先设置新密码，再继续使用' });
    await as('/api/staff/me').expect(200);
    const change = (body: object) => request(server.url).put('/api/staff/me/password').set('Authorization', `Bearer ${temporary.body.token}`).send(body);
    expect((await change({ currentPassword: 'wrong-one', newPassword: 'my-own-pass-2026' }).expect(422)).body.code).toBe('PASSWORD_WRONG');
    expect((await change({ currentPassword: 'temporary-2026-xyz', newPassword: 'short' }).expect(400)).body.message).toContain('新密码至少12位');
    await change({ currentPassword: 'temporary-2026-xyz', newPassword: 'my-own-pass-2026' }).expect(204);
    await as('/api/finance/credits').expect(200);
    await signIn('temporary-2026-xyz').expect(401);
    expect((await signIn('my-own-pass-2026').expect(200)).body.staff.mustChangePassword).toBeUndefined();
  });

  it('refreshing cannot keep a session alive past 30 days from signing in; "sign out everywhere" ends them all', async () => {
    await create({ username: 'proctor.ma', displayName: '马考务', password: 'proctor-ma-2026', kind: 'staff', roles: ['proctor'] }).expect(201);
    const first = (await request(server.url).post('/api/staff/login').send({ username: 'proctor.ma', password: 'proctor-ma-2026' }).expect(200)).body;
    let token = first.token as string;
    try {
      for (let day = 6; day <= 36; day += 6) {
        server.clock.set(new Date(NOW.getTime() + day * 86_400_000));
        const refreshed = await request(server.url).post('/api/auth/refresh').set('Authorization', `Bearer ${token}`);
        if (day < 30) {
          expect(refreshed.status).toBe(200);
          expect(new Date(refreshed.body.expiresAt).getTime()).toBeLessThanOrEqual(NOW.getTime() + 30 * 86_400_000);
          token = refreshed.body.token;
        } else expect(refreshed.status).toBe(401);
      }
    } finally {
      server.clock.set(NOW);
    }
    const two = await Promise.all(
      [1, 2].map(
        async () => (await request(server.url).post('/api/staff/login').send({ username: 'proctor.ma', password: 'proctor-ma-2026' }).expect(200)).body,
      ),
    );
    const revoked = await request(server.url)
      .post(`/api/staff/accounts/${two[0].staff.id}/revoke-sessions`)
      .set('Authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect(revoked.body.revoked).toBeGreaterThanOrEqual(2);
    for (const session of two) await request(server.url).get('/api/staff/me').set('Authorization', `Bearer ${session.token}`).expect(401);
  });

  it("lists the accounts of the admin's own body", async () => {
    const res = await request(server.url).get('/api/staff/accounts').set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(res.body.map((a: { username: string }) => a.username)).toEqual(expect.arrayContaining(['chief', 'reviewer.li', 'school.clerk']));
    expect(res.body.every((a: { bodyId: string }) => a.bodyId === 'sh-cpna')).toBe(true);
  });
});
