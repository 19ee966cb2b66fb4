import { parseWith } from '../schemas';
import { statementColumnsSchema } from '../schemas/payments';
import {
  creditKey,
  levelFromRemark,
  matchBatchCredit,
  matchCredit,
  parseStatementTime,
  parseYuanToFen,
  readStatement,
  STATEMENT_HEADER_MISSING,
  statementLayout,
  type PendingFee,
} from './bankStatement';

describe('bank statements', () => {
  it('reads amounts into fen without a float in sight', () => {
    expect(parseYuanToFen('400.00')).toBe(40000);
    expect(parseYuanToFen('1,200.5')).toBe(120050);
    expect(parseYuanToFen('¥0.07')).toBe(7);
    expect(parseYuanToFen('400')).toBe(40000);
    // 0.1 + 0.2 style traps: the digits are added as integers.
    expect(parseYuanToFen('0.29')).toBe(29);
    expect(parseYuanToFen('4.005')).toBeUndefined();
    expect(parseYuanToFen('四百')).toBeUndefined();
  });

  it('reads statement times as Shanghai time', () => {
    expect(parseStatementTime('2026-03-12 14:03:27')).toBe('2026-03-12T06:03:27.000Z');
    expect(parseStatementTime('2026/3/12')).toBe('2026-03-11T16:00:00.000Z');
    expect(parseStatementTime('20260312')).toBe('2026-03-11T16:00:00.000Z');
    expect(parseStatementTime('2026-02-30')).toBeUndefined();
  });

  it('finds the header, skips debits and blank rows, and names unreadable rows', () => {
    const read = readStatement([
      ['某银行对账单'],
      ['交易时间', '借方金额', '贷方金额', '对方户名', '附言', '交易流水号'],
      ['2026-03-12 10:00:00', '', '400.00', '陈同学', '呼叫中心服务员（4级）-考核费', 'A1'],
      ['2026-03-12 10:05:00', '50.00', '', '某公司', '手续费', 'A2'],
      ['', '', '', '', '', ''],
      ['昨天', '', '400.00', '王同学', '呼叫中心服务员（4级）-考核费', 'A3'],
    ]);
    expect(read).toEqual({
      credits: [{ row: 3, receivedAt: '2026-03-12T02:00:00.000Z', amountFen: 40000, payer: '陈同学', remark: '呼叫中心服务员（4级）-考核费', reference: 'A1' }],
      issues: [{ row: 6, message: '交易时间“昨天”无法识别' }],
    });
    expect(readStatement([['a', 'b']])).toEqual({ refused: expect.stringContaining('未找到表头') });
  });

  it('reads a bank whose column names are its own once finance has mapped them, and shows where the header is until then', () => {
    const rows = [
      ['浦发银行 账户明细查询', '', '', '', ''],
      ['入账日期时间', '发生额(贷)', '对手方名称', '交易说明', '业务流水'],
      ['2026-03-12 10:00:00', '400.00', '陈同学', '呼叫中心服务员（4级）-考核费', 'P1'],
    ];
    expect(readStatement(rows)).toEqual({ refused: STATEMENT_HEADER_MISSING });
    expect(statementLayout(rows)).toEqual({ headerRow: 2, headers: ['入账日期时间', '发生额(贷)', '对手方名称', '交易说明', '业务流水'], columns: {} });
    const mapped = { receivedAt: '入账日期时间', amount: '发生额(贷)', payer: '对手方名称', remark: '交易说明', reference: '业务流水' };
    expect(statementLayout(rows, mapped)?.columns).toEqual({ receivedAt: 0, amount: 1, payer: 2, remark: 3, reference: 4 });
    expect(readStatement(rows, mapped)).toEqual({
      credits: [{ row: 3, receivedAt: '2026-03-12T02:00:00.000Z', amountFen: 40000, payer: '陈同学', remark: '呼叫中心服务员（4级）-考核费', reference: 'P1' }],
      issues: [],
    });
    // A statement of the common kind still reads with a body's mapping in place.
    expect(
      readStatement(
        [
          ['交易时间', '贷方金额', '对方户名', '附言'],
          ['2026-03-12', '400', '王同学', 'x'],
        ],
        mapped,
      ),
    ).toMatchObject({ credits: [{ payer: '王同学' }] });
    expect(statementLayout([['2026-03-12', '400.00']])).toBeUndefined();
  });

  it('a mapping names four different columns', () => {
    const base = { receivedAt: '日期', amount: '金额', payer: '户名', remark: '用途' };
    expect(parseWith(statementColumnsSchema, base).ok).toBe(true);
    expect(parseWith(statementColumnsSchema, { ...base, remark: '户名' })).toMatchObject({ ok: false });
    expect(parseWith(statementColumnsSchema, { ...base, payer: '' })).toMatchObject({ ok: false });
  });

  it('keys a credit by the bank serial, or by everything it says', () => {
    const credit = { row: 3, receivedAt: '2026-03-12T02:00:00.000Z', amountFen: 40000, payer: '陈同学', remark: 'x' };
    expect(creditKey({ ...credit, reference: 'A1' })).toBe('ref:A1');
    expect(creditKey(credit)).toBe(creditKey({ ...credit, row: 9 }));
  });

  it('knows the level from the remark, in either bracket width', () => {
    expect(levelFromRemark('shanghai-2026', '呼叫中心服务员（4级）-考核费')).toBe(4);
    expect(levelFromRemark('shanghai-2026', '转账 呼叫中心服务员(3级)-考核费 陈')).toBe(3);
    expect(levelFromRemark('shanghai-2026', '货款')).toBeUndefined();
  });

  it('is sure only when remark, amount and payer all point at one application', () => {
    const pending: PendingFee[] = [
      { applicationId: 'a', planId: 'shanghai-2026', level: 4, name: '陈同学', feeFen: 40000 },
      { applicationId: 'b', planId: 'shanghai-2026', level: 4, name: '王同学', feeFen: 40000 },
      { applicationId: 'c', planId: 'shanghai-2026', level: 4, name: '李同学', feeFen: 40000 },
      { applicationId: 'd', planId: 'shanghai-2026', level: 4, name: '李同学', feeFen: 40000 },
    ];
    const credit = (payer: string, amountFen = 40000, remark = '呼叫中心服务员（4级）-考核费') => ({
      row: 2,
      receivedAt: '2026-03-12T02:00:00.000Z',
      amountFen,
      payer,
      remark,
    });
    expect(matchCredit(credit('陈同学'), pending)).toEqual({ kind: 'exact', applicationId: 'a' });
    expect(matchCredit(credit('陈爸爸'), pending)).toMatchObject({ kind: 'review', reason: '付款人与考生姓名不一致' });
    // Once the candidate said 我已转账 from 陈爸爸's account, his transfer is as sure as hers.
    const declared = pending.map((p) => (p.applicationId === 'a' ? { ...p, declaredPayer: '陈爸爸' } : p));
    expect(matchCredit(credit('陈爸爸'), declared)).toEqual({ kind: 'exact', applicationId: 'a' });
    expect(matchCredit(credit('陈同学'), declared)).toEqual({ kind: 'exact', applicationId: 'a' });
    expect(matchCredit(credit('李同学'), pending)).toEqual({ kind: 'review', reason: '有多份同名同等级的待缴费报名', candidates: ['c', 'd'] });
    expect(matchCredit(credit('王同学', 30000), pending)).toEqual({ kind: 'review', reason: '金额与应缴金额不符', candidates: ['b'] });
    expect(matchCredit(credit('陈同学', 40000, '货款'), pending)).toMatchObject({ kind: 'unknown' });
  });

  it('a name in the remark outranks the payer a candidate declared', () => {
    const remark = (name: string) => `呼叫中心服务员（4级）-考核费 ${name}`;
    const credit = (payer: string, text: string) => ({ row: 2, receivedAt: '2026-03-12T02:00:00.000Z', amountFen: 40000, payer, remark: text });
    const pending: PendingFee[] = [
      { applicationId: 'a', planId: 'shanghai-2026', level: 4, name: '沈小明', feeFen: 40000, declaredPayer: '沈父亲' },
      { applicationId: 'b', planId: 'shanghai-2026', level: 4, name: '王小红', feeFen: 40000 },
    ];
    // 沈父亲 paid for 王小红, and said so: a person decides, 王小红 first.
    expect(matchCredit(credit('沈父亲', remark('王小红')), pending)).toEqual({
      kind: 'review',
      reason: '附言中写明的考生与申报的付款人不一致',
      candidates: ['b', 'a'],
    });
    // The remark names the candidate who declared him, or nobody: sure.
    expect(matchCredit(credit('沈父亲', remark('沈小明')), pending)).toEqual({ kind: 'exact', applicationId: 'a' });
    expect(matchCredit(credit('沈父亲', remark('')), pending)).toEqual({ kind: 'exact', applicationId: 'a' });
    // The candidate's own transfer naming herself is sure whoever else is pending.
    expect(matchCredit(credit('王小红', remark('王小红')), pending)).toEqual({ kind: 'exact', applicationId: 'b' });
    // An unknown payer whose remark names a candidate: that candidate is offered first.
    expect(matchCredit(credit('王妈妈', remark('王小红')), pending)).toMatchObject({ kind: 'review', candidates: ['b', 'a'] });
  });

  it('never settles by itself a fee whose WeChat order is still open', () => {
    const pending: PendingFee[] = [{ applicationId: 'a', planId: 'shanghai-2026', level: 4, name: '陈同学', feeFen: 40000, wechatOrderOpen: true }];
    const credit = { row: 2, receivedAt: '2026-03-12T02:00:00.000Z', amountFen: 40000, payer: '陈同学', remark: '呼叫中心服务员（4级）-考核费' };
    expect(matchCredit(credit, pending)).toEqual({ kind: 'review', reason: '该报名有未关闭的微信支付订单', candidates: ['a'] });
  });

  it('takes one transfer of a batch total from the school as the whole batch’s fees', () => {
    const batch = {
      batchId: 'b1',
      planId: 'shanghai-2026',
      level: 4 as const,
      institution: '上海市某职业技术学校',
      memberIds: ['a', 'b', 'c'],
      totalFen: 120000,
    };
    const credit = { row: 2, receivedAt: '2026-03-12T02:00:00.000Z', amountFen: 120000, payer: '上海市某职业技术学校', remark: '呼叫中心服务员（4级）-考核费' };
    expect(matchBatchCredit(credit, [batch])).toBe('b1');
    expect(matchBatchCredit({ ...credit, amountFen: 80000 }, [batch])).toBeUndefined();
    expect(matchBatchCredit({ ...credit, payer: '别的学校' }, [batch])).toBeUndefined();
    // Two batches of the same school, level and total: a person decides.
    expect(matchBatchCredit(credit, [batch, { ...batch, batchId: 'b2' }])).toBeUndefined();
  });
});
