import type { ApplicationView, RefundItemView } from '@skillcert/shared';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { aCandidate, as, databaseTargets, startServer, until, type TestServer } from '../../test/harness';
import { UnitOfWork } from '../database/unit-of-work';
import { PaymentsService } from './payments.service';

const NOW = new Date('2026-03-10T02:00:00Z');
const FINAL_YEAR = { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };
const REMARK = '呼叫中心服务员（4级）-考核费';

/** A statement as the bank exports it: the header, then one line per credit. */
async function statement(lines: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('交易明细');
  sheet.addRow(['交易时间', '借方金额', '贷方金额', '对方户名', '附言', '交易流水号']);
  for (const line of lines) sheet.addRow(line);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Money taken once (issue 25): simultaneous taps make one WeChat order; money that arrives beyond the
 * fee — by either channel — is owed back where finance looks and on the application's timeline; a
 * transfer never settles a fee whose WeChat order is open, and a name in the remark outranks a declared payer.
 */
describe.each(databaseTargets())('money taken once on $name', (target) => {
  let server: TestServer;
  let admin: string;
  let finance: string;
  let serial = 0;

  beforeAll(async () => {
    server = await startServer(target, NOW, { ADMIN_USERNAME: 'money.admin', ADMIN_PASSWORD: 'money-admin-password' });
    admin = (await request(server.url).post('/api/staff/login').send({ username: 'money.admin', password: 'money-admin-password' }).expect(200)).body.token;
    await as(server, admin)
      .post('/api/staff/accounts', { username: 'finance.qian', displayName: '钱财务', password: 'finance-pass-2026', kind: 'staff', roles: ['finance'] })
      .expect(201);
    finance = (await request(server.url).post('/api/staff/login').send({ username: 'finance.qian', password: 'finance-pass-2026' }).expect(200)).body.token;
    await as(server, admin)
      .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-03-28', site: '天宝路879号', levels: [4], capacity: 500 })
      .expect(201);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function approved(name: string): Promise<{ token: string; id: string }> {
    const { token, proof } = await aCandidate(server, `money-${serial++}`, undefined, name);
    const applied = await as(server, token)
      .post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...proof })
      .expect(201);
    await as(server, admin).post(`/api/review/applications/${applied.body.id}/approve`, {}).expect(200);
    return { token, id: applied.body.id };
  }
  const startPaying = (token: string, id: string) =>
    request(server.url).post(`/api/applications/${id}/payments/wechat`).set('Authorization', `Bearer ${token}`).send({});
  const view = async (token: string, id: string): Promise<ApplicationView> => (await as(server, token).get(`/api/applications/${id}`).expect(200)).body;
  const refunds = async (state: 'open' | 'done'): Promise<RefundItemView[]> =>
    (await as(server, finance).get(`/api/finance/refunds?state=${state}`).expect(200)).body;
  const importStatement = async (lines: (string | number)[][]) =>
    (
      await request(server.url)
        .post('/api/finance/statements')
        .set('Authorization', `Bearer ${finance}`)
        .attach('file', await statement(lines), { filename: '对账单.xlsx', contentType: 'application/octet-stream' })
        .expect(200)
    ).body;
  const ordersOf = (outTradeNos: Iterable<string>) => [...new Set(outTradeNos)].filter((no) => server.wechat.pay.orders.has(no));

  it('12 simultaneous taps on 支付, 20 rounds: one WeChat order each round, the same one for every tap', async () => {
    for (let round = 0; round < 20; round++) {
      const { token, id } = await approved(`同时${'一二三四五六七八九十'[round % 10]}${round < 10 ? '甲' : '乙'}`);
      const taps = await Promise.all(Array.from({ length: 12 }, () => startPaying(token, id)));
      expect(taps.map((t) => t.status)).toEqual(Array(12).fill(200));
      const numbers = new Set(taps.map((t) => t.body.outTradeNo as string));
      expect({ round, orders: numbers.size }).toEqual({ round, orders: 1 });
      expect(ordersOf(numbers)).toHaveLength(1);
      // And the database holds one order for the application, not one per tap.
      const rows = (await server.app.get(UnitOfWork).run((m) => m.query('SELECT COUNT(*) AS n FROM payments WHERE application_id = ?', [id]))) as {
        n: number | string;
      }[];
      expect(Number(rows[0]!.n)).toBe(1);
    }
  }, 240_000);

  it('a transfer for a fee whose WeChat order is open is not settled by itself: it waits for finance', async () => {
    const { token, id } = await approved('开单甲');
    await startPaying(token, id).expect(200);
    const result = await importStatement([['2026-03-11 09:00:00', '', '400.00', '开单甲', REMARK, 'OPEN-1']]);
    expect(result).toMatchObject({ confirmed: 0, review: 1 });
    expect(result.toDecide[0]).toMatchObject({ reason: '该报名有未关闭的微信支付订单', candidates: [{ applicationId: id }] });
    expect((await view(token, id)).state).toBe('approved');
    // Finance confirms: the WeChat order is closed first, so it can no longer be paid; the transfer pays.
    const outTradeNo = (await startPaying(token, id).expect(200)).body.outTradeNo as string;
    await as(server, finance).post(`/api/finance/credits/${result.toDecide[0].id}/confirm`, { applicationId: id }).expect(200);
    expect(server.wechat.pay.orders.get(outTradeNo)?.trade_state).toBe('CLOSED');
    expect(await view(token, id)).toMatchObject({ state: 'paid', payment: { channel: 'bank' } });
  });

  it('WeChat paid a minute before finance confirms the transfer: WeChat’s payment stands, the transfer is owed back to its payer', async () => {
    const { token, id } = await approved('抢先乙');
    const { outTradeNo } = (await startPaying(token, id).expect(200)).body;
    await server.wechat.pay.pay(outTradeNo, { lost: true });
    const result = await importStatement([['2026-03-11 10:00:00', '', '400.00', '抢先乙', REMARK, 'RACE-1']]);
    await as(server, finance).post(`/api/finance/credits/${result.toDecide[0].id}/confirm`, { applicationId: id }).expect(200);
    const paid = await view(token, id);
    expect(paid).toMatchObject({ state: 'paid', payment: { channel: 'wechat', reference: outTradeNo } });
    expect(paid.timeline.at(-1)).toMatchObject({ note: '退款 ¥400.00：该报名已缴费，本笔为重复缴费，由财务转回付款账户（抢先乙）' });
    const owed = (await refunds('open')).find((r) => r.applicationId === id);
    expect(owed).toMatchObject({ channel: 'bank', state: 'owed', amountFen: 40000, payer: '抢先乙', name: '抢先乙', reason: '该报名已缴费，本笔为重复缴费' });
    // Finance sends it back and says so, once.
    const sent = await as(server, finance).post(`/api/finance/refunds/${owed!.paymentId}/sent`, {}).expect(200);
    expect(sent.body).toMatchObject({ state: 'refunded', refundedBy: '钱财务' });
    expect((await as(server, finance).post(`/api/finance/refunds/${owed!.paymentId}/sent`, {}).expect(409)).body.code).toBe('REFUND_NOT_OWED');
    expect((await refunds('open')).some((r) => r.applicationId === id)).toBe(false);
    expect((await view(token, id)).timeline.at(-1)?.note).toBe('已退款 ¥400.00：财务已转回付款账户（抢先乙）');
  });

  it('a WeChat payment completing after a bank confirmation is refunded through WeChat at once, and shown', async () => {
    const { token, id } = await approved('双付丙');
    const { outTradeNo } = (await startPaying(token, id).expect(200)).body;
    // The transfer settled by a path that did not close the order (what the old import did).
    await server.app
      .get(UnitOfWork)
      .run((manager) =>
        server.app.get(PaymentsService).settleBank(manager, id, { amountFen: 40000, receivedAt: NOW, payer: '双付丙' }, { kind: 'system', id: null }),
      );
    expect(await server.wechat.pay.pay(outTradeNo)).toEqual([204]);
    await until(() => server.wechat.pay.refunds.has(`RF${outTradeNo.slice(2)}`), 'the refund asked of WeChat');
    expect(server.wechat.pay.refunds.get(`RF${outTradeNo.slice(2)}`)).toMatchObject({ outTradeNo, amountFen: 40000 });
    const after = await view(token, id);
    expect(after).toMatchObject({ state: 'paid', payment: { channel: 'bank' } });
    expect(after.timeline.at(-1)).toMatchObject({ by: 'system', note: '退款 ¥400.00：该报名已缴费，本笔为重复缴费，原路退回微信支付' });
    // WeChat's refund notification closes the item in finance's list.
    await until(async () => (await refunds('done')).some((r) => r.reference === outTradeNo), 'the refund to be recorded');
    expect((await refunds('done')).find((r) => r.reference === outTradeNo)).toMatchObject({ channel: 'wechat', state: 'refunded', applicationId: id });
  });

  it('the body cancels a bank-paid application: the fee is owed back to the account it came from', async () => {
    const { token, id } = await approved('转账丁');
    const result = await importStatement([['2026-03-11 11:00:00', '', '400.00', '转账丁', REMARK, 'CANCEL-1']]);
    expect(result.confirmed).toBe(1);
    await as(server, admin).post(`/api/review/applications/${id}/cancel`, { reason: '考生申请取消' }).expect(200);
    const cancelled = await view(token, id);
    expect(cancelled).toMatchObject({ state: 'cancelled', payment: { channel: 'bank', refund: { state: 'pending' } } });
    expect((await refunds('open')).find((r) => r.applicationId === id)).toMatchObject({
      state: 'owed',
      payer: '转账丁',
      reason: '报名已取消（考生申请取消）',
    });
  });

  it('沈父亲 declared as payer by one child, and his transfer names the other: finance decides, the named child first', async () => {
    const shen = await approved('沈小明');
    const wang = await approved('王小红');
    await as(server, shen.token).post(`/api/applications/${shen.id}/transfer-notice`, { payer: '沈父亲' }).expect(200);
    const result = await importStatement([['2026-03-11 12:00:00', '', '400.00', '沈父亲', `${REMARK} 王小红`, 'SHEN-1']]);
    expect(result).toMatchObject({ confirmed: 0, review: 1 });
    expect(result.toDecide[0]).toMatchObject({ reason: '附言中写明的考生与申报的付款人不一致' });
    expect(result.toDecide[0].candidates.map((c: { applicationId: string }) => c.applicationId)).toEqual([wang.id, shen.id]);
    expect((await view(shen.token, shen.id)).state).toBe('approved');
  });

  it('finance’s list is finance’s: a reviewer cannot read it, and another body sees none of it', async () => {
    await as(server, admin)
      .post('/api/staff/accounts', { username: 'reviewer.sun', displayName: '孙审核', password: 'reviewer-pass-2026', kind: 'staff', roles: ['reviewer'] })
      .expect(201);
    const reviewer = (await request(server.url).post('/api/staff/login').send({ username: 'reviewer.sun', password: 'reviewer-pass-2026' }).expect(200)).body
      .token;
    expect((await as(server, reviewer).get('/api/finance/refunds').expect(403)).body.code).toBe('FORBIDDEN');
    await request(server.url).get('/api/finance/refunds').expect(401);
  });
});
