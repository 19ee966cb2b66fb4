import { bankTransferRemark, getPlan, offeredLevels } from '../plans';
import type { Level } from '../types';

/**
 * Bank statements, read the way finance staff read them: credits with the time
 * the account received them, the amount in fen (never through a float), the
 * payer's name and the remark; then each credit matched to the application it pays.
 */
export interface BankCredit {
  /** Row number as the spreadsheet shows it. */
  row: number;
  /** ISO instant the account received the money (statement times are Shanghai time). */
  receivedAt: string;
  amountFen: number;
  payer: string;
  remark: string;
  /** The bank's own serial number, when the statement has one. */
  reference?: string;
}

export interface StatementIssue {
  row: number;
  message: string;
}

/** What each column we read holds; `reference` is the one a statement may lack. */
export type StatementField = 'receivedAt' | 'amount' | 'payer' | 'remark' | 'reference';

export const STATEMENT_FIELD_NAMES: Record<StatementField, string> = {
  receivedAt: '交易时间',
  amount: '收入（贷方）金额',
  payer: '付款人户名',
  remark: '附言（摘要、用途）',
  reference: '交易流水号（可选）',
};

/**
 * A body's own bank, mapped once by its finance staff: the header text of each
 * column, exactly as the statement prints it. Used before the common names below.
 */
export interface StatementColumns {
  receivedAt: string;
  amount: string;
  payer: string;
  remark: string;
  reference?: string;
}

/** Where the columns are in one file: the header row (as the spreadsheet numbers it), its cells, and each field's column if known. */
export interface StatementLayout {
  headerRow: number;
  headers: string[];
  columns: Partial<Record<StatementField, number>>;
}

/** Header names banks use for the columns we need; the first match wins. */
export const STATEMENT_HEADERS = {
  receivedAt: ['交易时间', '入账时间', '交易日期', '记账日期', '日期', '时间'],
  amount: ['贷方金额', '收入金额', '入账金额', '贷方发生额', '收入', '金额'],
  payer: ['对方户名', '付款人名称', '付款人', '对方账户名称', '对方名称', '对方户名称'],
  remark: ['附言', '交易附言', '摘要', '用途', '备注'],
  reference: ['交易流水号', '流水号', '凭证号', '交易参考号'],
} as const;

/** '1,200.50' → 120050; '400' → 40000; anything else (more than two decimals, letters) → undefined. */
export function parseYuanToFen(text: string): number | undefined {
  const cleaned = text.replace(/[¥￥,\s]/g, '');
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** '2026-03-12 14:03:27', '2026/3/12 14:03', '20260312' — Shanghai wall time → ISO instant. */
export function parseStatementTime(text: string): string | undefined {
  const match = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s));
  const check = new Date(utc + 8 * 3_600_000);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined;
  return new Date(utc).toISOString();
}

export const STATEMENT_HEADER_MISSING = '未找到表头：需要交易时间、贷方金额、对方户名和附言（或摘要）列';

/**
 * A sheet's rows as text cells → the credits in it, and the rows that could not be read.
 * Debits and blank rows are skipped. `mapped`: the body's own column names, tried first.
 */
export function readStatement(rows: string[][], mapped?: StatementColumns): { credits: BankCredit[]; issues: StatementIssue[] } | { refused: string } {
  const headerIndex = rows.findIndex((cells) => columnsOf(cells, mapped) !== undefined);
  if (headerIndex < 0) return { refused: STATEMENT_HEADER_MISSING };
  const columns = columnsOf(rows[headerIndex]!, mapped)!;
  const credits: BankCredit[] = [];
  const issues: StatementIssue[] = [];
  rows.slice(headerIndex + 1).forEach((cells, i) => {
    const row = headerIndex + i + 2;
    const cell = (index: number | undefined) => (index === undefined ? '' : (cells[index] ?? '').trim());
    if (cells.every((c) => !c.trim())) return;
    const amountText = cell(columns.amount);
    if (!amountText || /^0+(\.0+)?$/.test(amountText)) return; // a debit, or a row with no credit
    const amountFen = parseYuanToFen(amountText);
    const receivedAt = parseStatementTime(cell(columns.receivedAt));
    if (amountFen === undefined) return void issues.push({ row, message: `金额“${amountText}”无法识别` });
    if (!receivedAt) return void issues.push({ row, message: `交易时间“${cell(columns.receivedAt)}”无法识别` });
    const reference = cell(columns.reference);
    credits.push({ row, receivedAt, amountFen, payer: cell(columns.payer), remark: cell(columns.remark), ...(reference ? { reference } : {}) });
  });
  return { credits, issues };
}

/**
 * Where the columns are, for finance to map when the names are not ones we know:
 * the row that reads as a header (by our names, else the first of the top rows
 * with the most labels in it) and whatever of ours it holds.
 */
export function statementLayout(rows: string[][], mapped?: StatementColumns): StatementLayout | undefined {
  const known = rows.findIndex((cells) => columnsOf(cells, mapped) !== undefined);
  const labelled = (cells: string[]) => cells.filter((c) => c.trim() && parseYuanToFen(c) === undefined && !parseStatementTime(c)).length;
  const top = rows.slice(0, 20);
  const guess = top.reduce((best, cells, i) => (labelled(cells) > labelled(top[best] ?? []) ? i : best), 0);
  const index = known >= 0 ? known : guess;
  const cells = rows[index];
  if (!cells || labelled(cells) < 2) return undefined;
  return { headerRow: index + 1, headers: cells.map((c) => c.trim()), columns: fieldsIn(cells, mapped) };
}

function fieldsIn(cells: string[], mapped?: StatementColumns): Partial<Record<StatementField, number>> {
  const find = (field: StatementField) => {
    for (const name of [...(mapped?.[field] ? [mapped[field]] : []), ...STATEMENT_HEADERS[field]]) {
      const index = cells.findIndex((c) => c.trim() === name);
      if (index >= 0) return index;
    }
    return undefined;
  };
  const fields: Partial<Record<StatementField, number>> = {};
  for (const field of Object.keys(STATEMENT_HEADERS) as StatementField[]) {
    const index = find(field);
    if (index !== undefined) fields[field] = index;
  }
  return fields;
}

function columnsOf(
  cells: string[],
  mapped?: StatementColumns,
): { receivedAt: number; amount: number; payer: number; remark: number; reference?: number } | undefined {
  const { receivedAt, amount, payer, remark, reference } = fieldsIn(cells, mapped);
  if (receivedAt === undefined || amount === undefined || payer === undefined || remark === undefined) return undefined;
  return { receivedAt, amount, payer, remark, ...(reference !== undefined ? { reference } : {}) };
}

/** The same credit in two uploads has the same key: the bank's serial, or everything the row says. */
export function creditKey(credit: BankCredit): string {
  return credit.reference ? `ref:${credit.reference}` : `row:${credit.receivedAt}|${credit.amountFen}|${credit.payer}|${credit.remark}`;
}

const normalize = (text: string) =>
  text
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[—–－]/g, '-')
    .toUpperCase();

/** The level a transfer remark names, by the plan's own remark wording; undefined when it names none. */
export function levelFromRemark(planId: string, remark: string): Level | undefined {
  const wanted = normalize(remark);
  return offeredLevels(getPlan(planId)).find((level) => {
    const expected = bankTransferRemark(planId, level);
    return expected !== undefined && wanted.includes(normalize(expected));
  });
}

export interface PendingFee {
  applicationId: string;
  planId: string;
  level: Level;
  name: string;
  feeFen: number;
  /** Whose account the candidate said the fee came from (我已转账), when not their own. */
  declaredPayer?: string;
  /** A WeChat Pay order for the same fee is still open: it could be paid any moment, so a transfer is never taken as sure. */
  wechatOrderOpen?: boolean;
}

/** The transfer came from the candidate, or from the account the candidate named. */
function paidBy(fee: PendingFee, payer: string): boolean {
  const name = payer.trim();
  return fee.name === name || (fee.declaredPayer !== undefined && fee.declaredPayer === name);
}

export type CreditMatch =
  | { kind: 'exact'; applicationId: string }
  | { kind: 'review'; reason: string; candidates: string[] }
  | { kind: 'unknown'; reason: string };

/**
 * Sure only when remark, amount and payer name all point at exactly one unpaid
 * application — the payer being the candidate, or the account the candidate named
 * when they said 我已转账; a person decides everything else (a parent paying
 * unannounced, two students of the same name, a wrong amount). A name written in
 * the remark outranks a declared payer: 沈父亲 may pay for two children, and the
 * remark says which one. A fee that could still be paid by its open WeChat order
 * is never settled by a transfer without a person.
 */
export function matchCredit(credit: BankCredit, pending: readonly PendingFee[]): CreditMatch {
  const byRemark = pending.filter((p) => levelFromRemark(p.planId, credit.remark) === p.level);
  if (byRemark.length === 0) return { kind: 'unknown', reason: '附言不是考核费备注，或没有该等级的待缴费报名' };
  const byAmount = byRemark.filter((p) => p.feeFen === credit.amountFen);
  const byName = byAmount.filter((p) => paidBy(p, credit.payer));
  const namedInRemark = byAmount.filter((p) => normalize(credit.remark).includes(normalize(p.name)));
  if (byName.length === 1) {
    const only = byName[0]!;
    const declaredOnly = only.name !== credit.payer.trim();
    const othersNamed = namedInRemark.filter((p) => p.applicationId !== only.applicationId);
    if (declaredOnly && othersNamed.length > 0)
      return { kind: 'review', reason: '附言中写明的考生与申报的付款人不一致', candidates: [...othersNamed, only].map((p) => p.applicationId) };
    if (only.wechatOrderOpen) return { kind: 'review', reason: '该报名有未关闭的微信支付订单', candidates: [only.applicationId] };
    return { kind: 'exact', applicationId: only.applicationId };
  }
  if (byName.length > 1) return { kind: 'review', reason: '有多份同名同等级的待缴费报名', candidates: byName.map((p) => p.applicationId) };
  if (byAmount.length === 0) {
    const named = byRemark.filter((p) => paidBy(p, credit.payer));
    return { kind: 'review', reason: '金额与应缴金额不符', candidates: named.map((p) => p.applicationId) };
  }
  const suggested = [...namedInRemark, ...byAmount.filter((p) => !namedInRemark.includes(p))];
  return { kind: 'review', reason: '付款人与考生姓名不一致', candidates: suggested.slice(0, 20).map((p) => p.applicationId) };
}

/** A school's batch waiting for its fees: the members approved and seated, and their total. */
export interface PendingBatchFee {
  batchId: string;
  planId: string;
  level: Level;
  institution: string;
  memberIds: string[];
  totalFen: number;
}

/**
 * One transfer for a whole class (SPEC §5): the school pays the batch total under
 * the level's remark. Sure only when exactly one batch of that school, level and
 * total is waiting; otherwise undefined, and the credit is matched like any other.
 */
export function matchBatchCredit(credit: BankCredit, batches: readonly PendingBatchFee[]): string | undefined {
  const fits = batches.filter(
    (b) => b.institution === credit.payer.trim() && b.totalFen === credit.amountFen && levelFromRemark(b.planId, credit.remark) === b.level,
  );
  return fits.length === 1 ? fits[0]!.batchId : undefined;
}
