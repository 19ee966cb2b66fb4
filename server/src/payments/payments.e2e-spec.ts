import type { ApplicationView } from '@skillcert/shared';
import { createPrivateKey, createPublicKey, createVerify } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { aCandidate, as, bindWechatPhone, databaseTargets, startServer, until, type DatabaseTarget, type TestServer } from '../../test/harness';
import { anApprovedClass } from '../../test/approved-class';
import { SeatsService } from '../sessions/seats.service';
import { PaymentsService } from './payments.service';

const NOW = new Date('2026-03-10T02:00:00Z');
const FINAL_YEAR = { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };

/** A server with a level-4 session open and its admin signed in; sign-ins outlast the week the clock jumps in the deadline test. */
async function payingServer(target: DatabaseTarget, payPlatform: 'publicKey' | 'certificates' = 'publicKey') {
  const server = await startServer(
    target,
    NOW,
    { ADMIN_USERNAME: 'pay.admin', ADMIN_PASSWORD: 'pay-admin-password', SESSION_TTL_HOURS: '720' },
    { payPlatform },
  );
  const admin = (await request(server.url).post('/api/staff/login').send({ username: 'pay.admin', password: 'pay-admin-password' }).expect(200)).body
    .token as string;
  await request(server.url)
    .post('/api/sessions')
    .set('Authorization', `Bearer ${admin}`)
    .send({ planId: 'shanghai-2026', date: '2026-03-28', site: '天宝路879号', levels: [4], capacity: 200 })
    .expect(201);

  /** An approved level-4 applicant with a seat held until 17 March. */
  async function approved(persona: string): Promise<{ token: string; id: string }> {
    const { token, proof } = await aCandidate(server, persona);
    const applied = await request(server.url)
      .post('/api/applications')
      .set('Authorization', `Bearer ${token}`)
      .send({ planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...proof })
      .expect(201);
    await request(server.url).post(`/api/review/applications/${applied.body.id}/approve`).set('Authorization', `Bearer ${admin}`).send({}).expect(200);
    return { token, id: applied.body.id };
  }
  const startPaying = (token: string, id: string) =>
    request(server.url).post(`/api/applications/${id}/payments/wechat`).set('Authorization', `Bearer ${token}`).send({});
  const application = async (token: string, id: string) =>
    (await request(server.url).get(`/api/applications/${id}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
  return { server, admin, approved, startPaying, application };
}

describe.each(databaseTargets())('WeChat Pay against the fake on $name', (target) => {
  let server: TestServer;
  let admin: string;
  let approved: (persona: string) => Promise<{ token: string; id: string }>;
  let startPaying: (token: string, id: string) => request.Test;
  let application: (token: string, id: string) => Promise<ApplicationView>;

  beforeAll(async () => {
    ({ server, admin, approved, startPaying, application } = await payingServer(target));
  });

  afterAll(async () => {
    await server?.close();
  });

  it('orders the plan’s fee with the payment deadline, and signs requestPayment with the merchant key', async () => {
    const { token, id } = await approved('pay-order');
    const started = await startPaying(token, id).expect(200);
    expect(started.body).toMatchObject({ amountFen: 40000, expiresAt: '2026-03-17T02:00:00.000Z', params: { signType: 'RSA' } });
    const order = server.wechat.pay.orders.get(started.body.outTradeNo)!;
    expect(order).toMatchObject({
      amount: { total: 40000, currency: 'CNY' },
      time_expire: '2026-03-17T10:00:00+08:00',
      notify_url: `${server.url}/api/payments/wechat/notify`,
    });
    expect(order.payer?.openid).toBe(server.wechat.openidFor('pay-order'));
    expect(started.body.params.package).toBe(`prepay_id=${order.prepay_id}`);
    expect(started.body.outTradeNo).toMatch(/^SC[0-9A-Z]{28}$/);
    // paySign verifies with the merchant's public key over appId\ntimeStamp\nnonceStr\npackage\n.
    const { timeStamp, nonceStr, package: pkg, paySign } = started.body.params;
    const merchantPublic = createPublicKey(createPrivateKey(server.wechat.pay.credentials.merchantPrivateKey));
    const verifier = createVerify('RSA-SHA256').update(`${server.config.wechat.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`);
    expect(verifier.verify(merchantPublic, paySign, 'base64')).toBe(true);
    // Asking again re-uses the same order: one order per application and amount.
    const again = await startPaying(token, id).expect(200);
    expect(again.body.outTradeNo).toBe(started.body.outTradeNo);
  });

  it('a signed notification marks the application paid and confirms the seat', async () => {
    const { token, id } = await approved('pay-notified');
    const { outTradeNo } = (await startPaying(token, id).expect(200)).body;
    expect(await server.wechat.pay.pay(outTradeNo)).toEqual([204]);
    const paid = await application(token, id);
    expect(paid).toMatchObject({ state: 'paid', stateLabel: '已缴费', seat: { date: '2026-03-28' } });
    expect(paid.timeline.at(-1)).toMatchObject({ from: 'approved', to: 'paid', by: 'system', note: '微信支付 ¥400.00' });
    expect(paid.payment).toEqual({ channel: 'wechat', amountFen: 40000, paidAt: '2026-03-10T02:00:00.000Z', reference: outTradeNo });
  });

  it('the demo pay button (H5 has no requestPayment) has the fake pay, and the real notification settles it', async () => {
    const { token, id } = await approved('pay-demo');
    await request(server.url).post(`/api/applications/${id}/payments/wechat/demo-complete`).set('Authorization', `Bearer ${token}`).expect(409);
    await startPaying(token, id).expect(200);
    const after = await request(server.url).post(`/api/applications/${id}/payments/wechat/demo-complete`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(after.body).toMatchObject({ state: 'paid', payment: { amountFen: 40000 } });
  });

  it('a forged notification is refused and changes nothing', async () => {
    const { token, id } = await approved('pay-forged');
    const { outTradeNo } = (await startPaying(token, id).expect(200)).body;
    expect(await server.wechat.pay.pay(outTradeNo, { forged: true })).toEqual([401]);
    expect((await application(token, id)).state).toBe('approved');
  });

  it('a notification signed ten minutes ago (a replay) is refused', async () => {
    const { token, id } = await approved('pay-replayed');
    const { outTradeNo } = (await startPaying(token, id).expect(200)).body;
    expect(await server.wechat.pay.pay(outTradeNo, { ageSeconds: 600 })).toEqual([401]);
    expect((await application(token, id)).state).toBe('approved');
  });

  it('the same notification fifty times at once: paid once, one payment, one timeline entry', async () => {
    const { token, id } = await approved('pay-duplicates');
    const { outTradeNo } = (await startPaying(token, id).expect(200)).body;
    const statuses = await server.wechat.pay.pay(outTradeNo, { copies: 50 });
    expect(statuses).toEqual(Array(50).fill(204));
    const paid = await application(token, id);
    expect(paid.state).toBe('paid');
    expect(paid.timeline.filter((e: { to: string }) => e.to === 'paid')).toHaveLength(1);
    const rows = await server.app.get(DataSource).query('SELECT state, transaction_id FROM payments WHERE application_id = ?', [id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].state).toBe('paid');
  });

  it('money that does not match the order is not a payment: flagged for finance, the application still unpaid', async () => {
    const { token, id } = await approved('pay-wrong-amount');
    const { outTradeNo } = (await startPaying(token, id).expect(200)).body;
    expect(await server.wechat.pay.pay(outTradeNo, { amountFen: 1 })).toEqual([204]);
    expect((await application(token, id)).state).toBe('approved');
    const [row] = await server.app.get(DataSource).query('SELECT state, flag_reason FROM payments WHERE application_id = ?', [id]);
    expect(row).toEqual({ state: 'flagged', flag_reason: '到账金额¥0.01与应缴¥400.00不符' });
  });

  it('a lost notification: the payment check asks WeChat and settles it', async () => {
    const { token, id } = await approved('pay-lost');
    const { outTradeNo } = (await startPaying(token, id).expect(200)).body;
    expect(await server.wechat.pay.pay(outTradeNo, { lost: true })).toEqual([]);
    expect((await application(token, id)).state).toBe('approved');
    // (The forged test's order is settled here too: WeChat's own answer says it was paid.)
    expect((await server.app.get(PaymentsService).reconcilePending()).paid).toBeGreaterThanOrEqual(1);
    expect((await application(token, id)).state).toBe('paid');
  });

  it('only an approved, seated application can be paid, and only by its owner', async () => {
    const other = await aCandidate(server, 'pay-other');
    const { token, id } = await approved('pay-owner');
    expect((await startPaying(other.token, id).expect(404)).body.code).toBe('NOT_FOUND');
    const { token: early, proof } = await aCandidate(server, 'pay-early');
    const submitted = await request(server.url)
      .post('/api/applications')
      .set('Authorization', `Bearer ${early}`)
      .send({ planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...proof })
      .expect(201);
    expect((await startPaying(early, submitted.body.id).expect(409)).body).toEqual({ code: 'PAYMENT_NOT_DUE', message: '当前没有需要缴纳的费用' });
    await startPaying(token, id).expect(200);
  });

  it('when requestPayment returns, the app’s check reads “confirming” until WeChat’s word, and the query settles a lost notification at once', async () => {
    const { token, id } = await approved('pay-check');
    const { outTradeNo } = (await startPaying(token, id).expect(200)).body;
    const check = () => request(server.url).post(`/api/applications/${id}/payments/wechat/check`).set('Authorization', `Bearer ${token}`).send({}).expect(200);
    // The user closed the payment sheet without paying: nothing is paid, but the app shows it is being confirmed.
    expect((await check()).body).toMatchObject({ state: 'approved', paying: true });
    expect((await application(token, id)).paying).toBe(true);
    await server.wechat.pay.pay(outTradeNo, { lost: true });
    const settled = (await check()).body;
    expect(settled).toMatchObject({ state: 'paid', payment: { channel: 'wechat', amountFen: 40000, reference: outTradeNo } });
    expect(settled.paying).toBeUndefined();
  });

  it('the body cancels a paid application: seat back, money refunded through WeChat, told once', async () => {
    const { token, id } = await approved('pay-refund');
    const { outTradeNo } = (await startPaying(token, id).expect(200)).body;
    await server.wechat.pay.pay(outTradeNo);
    const cancelled = await request(server.url)
      .post(`/api/review/applications/${id}/cancel`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ reason: '考生申请取消' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled' });
    // Asked of WeChat before the answer; its notification may already have come back (a busy machine): either is true.
    expect(['pending', 'refunded']).toContain(cancelled.body.payment?.refund?.state);
    expect(cancelled.body.seat).toBeUndefined();
    expect(server.wechat.pay.orders.get(outTradeNo)?.trade_state).toBe('REFUND');
    // WeChat refunds asynchronously; its signed notification records it.
    let view = await application(token, id);
    await until(async () => (view = await application(token, id)).payment?.refund?.state === 'refunded', 'the refund notification');
    expect(view.payment?.refund).toEqual({ state: 'refunded', at: '2026-03-10T02:00:00.000Z' });
    expect(view.timeline.slice(-2)).toMatchObject([
      { from: 'paid', to: 'cancelled', by: 'staff', note: '考生申请取消' },
      { from: 'cancelled', to: 'cancelled', by: 'staff', note: '退款 ¥400.00：报名已取消（考生申请取消），原路退回微信支付' },
    ]);
  });

  // Last: it moves the clock past every deadline.
  it('an order unpaid at the deadline is closed at WeChat, and only then does the seat go', async () => {
    const { token, id } = await approved('pay-expired');
    const { outTradeNo } = (await startPaying(token, id).expect(200)).body;
    server.clock.set(new Date('2026-03-17T02:00:01Z'));
    try {
      const seats = server.app.get(SeatsService);
      await seats.releaseExpired();
      expect((await application(token, id)).state).toBe('approved');
      // Every other test's unpaid order closes too: all their deadlines have passed.
      expect((await server.app.get(PaymentsService).reconcilePending()).closed).toBeGreaterThanOrEqual(1);
      const [row] = await server.app.get(DataSource).query('SELECT state FROM payments WHERE out_trade_no = ?', [outTradeNo]);
      expect(row.state).toBe('closed');
      expect(server.wechat.pay.orders.get(outTradeNo)?.trade_state).toBe('CLOSED');
      await seats.releaseExpired();
      const expired = await application(token, id);
      expect(expired.state).toBe('expired');
      expect(expired.seat).toBeUndefined();
      expect((await startPaying(token, id).expect(409)).body.code).toBe('PAYMENT_NOT_DUE');
    } finally {
      server.clock.set(NOW);
    }
  });
});

describe('WeChat Pay for a merchant on platform certificates', () => {
  let paying: Awaited<ReturnType<typeof payingServer>>;

  beforeAll(async () => {
    paying = await payingServer(databaseTargets()[0]!, 'certificates');
  });

  afterAll(async () => {
    await paying?.server.close();
  });

  it('downloads the certificates (decrypted with the APIv3 key), verifies answers and notifications with them, and follows a rotation', async () => {
    const { server, approved, startPaying, application } = paying;
    expect(server.config.wechatPay.credentials?.platform).toEqual({ mode: 'certificates' });
    const first = await approved('cert-first');
    const { outTradeNo } = (await startPaying(first.token, first.id).expect(200)).body;
    expect(await server.wechat.pay.pay(outTradeNo)).toEqual([204]);
    expect((await application(first.token, first.id)).state).toBe('paid');

    // WeChat Pay starts signing with a new certificate. A notification under the unknown serial makes the client fetch the list again…
    const second = await approved('cert-rotated');
    const secondOrder = (await startPaying(second.token, second.id).expect(200)).body;
    expect(server.wechat.pay.rotateCertificate()).toMatch(/^[0-9A-F]{40}$/);
    expect(await server.wechat.pay.pay(secondOrder.outTradeNo)).toEqual([204]);
    expect((await application(second.token, second.id)).state).toBe('paid');
    // …and so does an answer to our own request signed by a newer one.
    server.wechat.pay.rotateCertificate();
    const third = await approved('cert-rotated-again');
    const thirdOrder = (await startPaying(third.token, third.id).expect(200)).body;
    expect(await server.wechat.pay.pay(thirdOrder.outTradeNo)).toEqual([204]);
    expect((await application(third.token, third.id)).state).toBe('paid');

    // A stranger's signature under a serial nobody issued is still a forgery.
    const fourth = await approved('cert-forged');
    const forged = (await startPaying(fourth.token, fourth.id).expect(200)).body;
    expect(await server.wechat.pay.pay(forged.outTradeNo, { forged: true })).toEqual([401]);
    expect((await application(fourth.token, fourth.id)).state).toBe('approved');
  });
});

describe.each(databaseTargets())('a school pays its class with one WeChat Pay order on $name', (target) => {
  let paying: Awaited<ReturnType<typeof payingServer>>;

  beforeAll(async () => {
    paying = await payingServer(target);
  });

  afterAll(async () => {
    await paying?.server.close();
  });

  /** A class of three; the first student follows it in the app (claimed by ID and the phone the school gave). */
  async function aClass(tag: string) {
    const { server, admin } = paying;
    const student = await aCandidate(server, `${tag}-student`);
    const approvedClass = await anApprovedClass(server, admin, {
      username: `${tag}.school`,
      institutionName: `上海市${tag}职业学校`,
      batchName: '2026届客服1班',
      students: [{ name: '陈同学', residentId: student.residentId }, { name: '林二' }, { name: '林三' }],
    });
    await bindWechatPhone(server, student.token, approvedClass.phones[0]!);
    await as(server, student.token).post('/api/applications/claim').expect(200);
    return { ...approvedClass, student, school: as(server, approvedClass.clerk) };
  }

  it('one Native order for the class total pays every member, each with a receipt; one member cancelled is refunded their share', async () => {
    const { server, admin, startPaying, application } = paying;
    const { batchId, memberIds, student, school } = await aClass('native');
    const [ownId] = memberIds as [string];
    // The student had started paying alone: the school's order closes that, so nobody pays twice.
    const own = (await startPaying(student.token, ownId).expect(200)).body;

    const before = (await school.get(`/api/institution/batches/${batchId}/payment`).expect(200)).body;
    expect(before).toMatchObject({ dueFen: 120000, paid: 0, deadline: '2026-03-17T02:00:00.000Z' });
    expect(before.due.map((d: { name: string; feeFen: number }) => [d.name, d.feeFen])).toEqual([
      ['陈同学', 40000],
      ['林二', 40000],
      ['林三', 40000],
    ]);
    expect(before.order).toBeUndefined();

    const ordered = (await school.post(`/api/institution/batches/${batchId}/payments/wechat`).expect(200)).body;
    expect(ordered.order).toMatchObject({ amountFen: 120000, members: 3, expiresAt: '2026-03-17T02:00:00.000Z' });
    expect(ordered.order.codeUrl).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    const atWechat = server.wechat.pay.orders.get(ordered.order.outTradeNo);
    expect(atWechat).toMatchObject({ trade_type: 'NATIVE', amount: { total: 120000 }, time_expire: '2026-03-17T10:00:00+08:00' });
    expect(atWechat?.payer).toBeUndefined();
    expect(server.wechat.pay.orders.get(own.outTradeNo)?.trade_state).toBe('CLOSED');
    expect((await startPaying(student.token, ownId).expect(409)).body.code).toBe('PAYMENT_BY_SCHOOL');
    // Asked again for the same class, the same order: the code already printed stays good.
    expect((await school.post(`/api/institution/batches/${batchId}/payments/wechat`).expect(200)).body.order.outTradeNo).toBe(ordered.order.outTradeNo);

    expect(await server.wechat.pay.pay(ordered.order.outTradeNo, { copies: 5 })).toEqual([204, 204, 204, 204, 204]);
    const members = (await school.get(`/api/institution/batches/${batchId}`).expect(200)).body.members;
    expect(members.map((m: { state: string }) => m.state)).toEqual(['paid', 'paid', 'paid']);
    expect((await school.get(`/api/institution/batches/${batchId}/payment`).expect(200)).body).toMatchObject({ due: [], dueFen: 0, paid: 3 });
    const receipt = await application(student.token, ownId);
    expect(receipt.payment).toMatchObject({
      channel: 'wechat',
      amountFen: 40000,
      reference: ordered.order.outTradeNo,
      paidByInstitution: '上海市native职业学校',
    });
    expect(receipt.timeline.at(-1)).toMatchObject({ to: 'paid', by: 'system', note: '学校统一缴费（微信支付）¥400.00' });

    // The body cancels one member: their share, and only theirs, goes back out of the school's transaction.
    const cancelled = await as(server, admin).post(`/api/review/applications/${memberIds[1]}/cancel`, { reason: '学生退学' }).expect(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled' });
    // Asked of WeChat before the answer; its notification may already have come back (a busy machine): either is true.
    expect(['pending', 'refunded']).toContain(cancelled.body.payment?.refund?.state);
    expect(server.wechat.pay.orders.get(ordered.order.outTradeNo)).toMatchObject({ refunded: 40000, trade_state: 'REFUND' });
    let refunded = cancelled.body;
    for (let i = 0; i < 50 && refunded.payment?.refund?.state !== 'refunded'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      refunded = (await as(server, admin).get(`/api/review/applications/${memberIds[1]}`).expect(200)).body;
    }
    expect(refunded.payment.refund.state).toBe('refunded');
    expect((await application(student.token, ownId)).payment.refund).toBeUndefined();
  });

  it('a member cancelled while the school’s order is open closes it; the new order covers the rest, and the query job settles it when the notification is lost', async () => {
    const { server, admin } = paying;
    const { batchId, memberIds, school } = await aClass('reorder');
    const first = (await school.post(`/api/institution/batches/${batchId}/payments/wechat`).expect(200)).body.order;
    await as(server, admin).post(`/api/review/applications/${memberIds[2]}/cancel`, { reason: '学生放弃考试' }).expect(200);
    expect(server.wechat.pay.orders.get(first.outTradeNo)?.trade_state).toBe('CLOSED');
    expect((await school.get(`/api/institution/batches/${batchId}/payment`).expect(200)).body.order).toBeUndefined();

    const second = (await school.post(`/api/institution/batches/${batchId}/payments/wechat`).expect(200)).body.order;
    expect(second).toMatchObject({ amountFen: 80000, members: 2 });
    expect(second.outTradeNo).not.toBe(first.outTradeNo);
    await server.wechat.pay.pay(second.outTradeNo, { lost: true });
    expect((await server.app.get(PaymentsService).reconcilePending()).paid).toBeGreaterThanOrEqual(1);
    const members = (await school.get(`/api/institution/batches/${batchId}`).expect(200)).body.members;
    expect(members.map((m: { state: string }) => m.state)).toEqual(['paid', 'paid', 'cancelled']);
  });

  it('two clicks at once make one order for the class', async () => {
    const { batchId, school } = await aClass('twice');
    const [a, b] = await Promise.all([
      school.post(`/api/institution/batches/${batchId}/payments/wechat`).expect(200),
      school.post(`/api/institution/batches/${batchId}/payments/wechat`).expect(200),
    ]);
    expect(a.body.order.outTradeNo).toBe(b.body.order.outTradeNo);
    const open = await paying.server.app.get(DataSource).query("SELECT COUNT(*) AS n FROM payments WHERE batch_id = ? AND state = 'pending'", [batchId]);
    expect(Number(open[0].n)).toBe(1);
  });

  it('another school’s batch, or a class with nothing due, is refused', async () => {
    const { batchId, school } = await aClass('nothing-due');
    const { school: stranger } = await aClass('stranger');
    expect((await stranger.post(`/api/institution/batches/${batchId}/payments/wechat`).expect(404)).body.code).toBe('NOT_FOUND');
    const ordered = (await school.post(`/api/institution/batches/${batchId}/payments/wechat`).expect(200)).body.order;
    await paying.server.wechat.pay.pay(ordered.outTradeNo);
    expect((await school.post(`/api/institution/batches/${batchId}/payments/wechat`).expect(409)).body).toEqual({
      code: 'BATCH_NOTHING_DUE',
      message: '本批次暂无待缴费的学员',
    });
  });
});
