import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import type { Level } from '../types';
import type { StatementColumns, StatementIssue, StatementLayout } from '../rules/bankStatement';

/** What the app hands to requestPayment: signed by the server with the merchant key. */
export interface WechatPaymentStart {
  outTradeNo: string;
  amountFen: number;
  /** ISO instant: the order closes with the seat's payment deadline. */
  expiresAt: string;
  params: { timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string };
}

/**
 * A school's fee for its class: who is due (approved, seat held), the total,
 * the earliest deadline, and the WeChat Pay order for it, if one is open —
 * its code is what the school's payer scans.
 */
export interface BatchPaymentView {
  due: { applicationId: string; name: string; feeFen: number; deadline: string }[];
  dueFen: number;
  /** ISO instant: the first member's seat goes at this moment if unpaid. */
  deadline?: string;
  paid: number;
  order?: { outTradeNo: string; amountFen: number; expiresAt: string; codeUrl: string; members: number };
}

export type CreditStatus = 'confirmed' | 'review' | 'unmatched' | 'ignored';

/** One statement credit as finance sees it, with the applications it might pay. */
export interface BankCreditView {
  id: string;
  receivedAt: string;
  amountFen: number;
  payer: string;
  remark: string;
  status: CreditStatus;
  reason?: string;
  candidates: { applicationId: string; name: string; residentIdMasked: string; level: Level }[];
  applicationId?: string;
}

/**
 * An application waiting for its fee, offered to finance for a credit the statement could not place:
 * those whose name the transfer's payer or remark carries come first ("4级考核费 陈同学").
 */
export interface PendingFeeView {
  applicationId: string;
  name: string;
  residentIdMasked: string;
  level: Level;
  feeFen: number;
  /** The transfer names this person (in its remark or as its payer). */
  named: boolean;
}

/** What an import did: new credits, the ones seen before, and how the new ones were settled. */
export interface StatementImportResult {
  credits: number;
  duplicates: number;
  confirmed: number;
  review: number;
  unmatched: number;
  issues: StatementIssue[];
  /** The credits of this import a person must look at. */
  toDecide: BankCreditView[];
}

export const creditQuerySchema = z.object({ status: z._default(z.enum(['review', 'unmatched', 'confirmed', 'ignored']), 'review') });
export type CreditQuery = output<typeof creditQuerySchema>;

export const confirmCreditSchema = z.object({
  applicationId: z.string({ error: '请选择这笔款项对应的报名' }).check(z.minLength(1, '请选择这笔款项对应的报名'), z.maxLength(36)),
});
export type ConfirmCreditRequest = output<typeof confirmCreditSchema>;

const header = z.string().check(z.trim(), z.minLength(1, '请选择列'), z.maxLength(40));

/** A body's statement columns, as finance maps them: four required, the serial optional, no column twice. */
export const statementColumnsSchema = z.object({ receivedAt: header, amount: header, payer: header, remark: header, reference: z.optional(header) }).check(
  z.refine(
    (c) => {
      const names = [c.receivedAt, c.amount, c.payer, c.remark, ...(c.reference ? [c.reference] : [])];
      return new Set(names).size === names.length;
    },
    { message: '同一列不能对应两项内容' },
  ),
);
export type StatementColumnsRequest = output<typeof statementColumnsSchema>;

/** The body's saved mapping, if any, and — for an uploaded file — where its columns are. */
export interface StatementColumnsView {
  saved?: StatementColumns;
  layout?: StatementLayout;
}
