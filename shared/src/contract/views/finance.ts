import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { STATEMENT_FIELD_NAMES } from '../../rules/bankStatement';
import { count, fen, instant, keysOf, level, object, text } from './fields';

const creditStatus = z.enum(['confirmed', 'review', 'unmatched', 'ignored']);
/** One statement credit as finance sees it, with the applications it might pay. */
export const bankCreditViewSchema = object({
  id: text,
  receivedAt: instant,
  amountFen: fen,
  payer: text,
  remark: text,
  status: creditStatus,
  reason: z.optional(text),
  candidates: z.array(object({ applicationId: text, name: text, residentIdMasked: text, level })),
  applicationId: z.optional(text),
});
export type BankCreditView = output<typeof bankCreditViewSchema>;
/**
 * Money the body must give back, in finance's list: a fee paid twice, money for an application that had
 * ended or that the body cancelled, or money that fits no fee. WeChat's goes back through WeChat Pay on
 * its own; a transfer is sent back by finance to the account it came from, who then marks it done.
 */
export const refundItemViewSchema = object({
  paymentId: text,
  applicationId: z.optional(text),
  name: text,
  residentIdMasked: text,
  level: z.optional(level),
  channel: z.enum(['wechat', 'bank']),
  amountFen: fen,
  /** When the money arrived. */
  paidAt: z.optional(instant),
  /** Our order number, what the payer quotes. */
  reference: text,
  /** A transfer's payer, as the statement named the account. */
  payer: z.optional(text),
  /** pending: asked of WeChat · owed: finance to send it back · refunded: back · flagged: arrived not fitting, finance to look into. */
  state: z.enum(['pending', 'owed', 'refunded', 'flagged']),
  reason: text,
  refundedAt: z.optional(instant),
  /** Who recorded a transfer sent back. */
  refundedBy: z.optional(text),
});
export type RefundItemView = output<typeof refundItemViewSchema>;

/**
 * An application waiting for its fee, offered to finance for a credit the statement could not place:
 * those whose name the transfer's payer or remark carries come first ("4级考核费 陈同学").
 */
export const pendingFeeViewSchema = object({
  applicationId: text,
  name: text,
  residentIdMasked: text,
  level,
  feeFen: fen,
  /** The transfer names this person (in its remark or as its payer). */
  named: z.boolean(),
});
export type PendingFeeView = output<typeof pendingFeeViewSchema>;
const rowIssue = object({ row: z.int(), message: text });
/** What an import did: new credits, the ones seen before, and how the new ones were settled. */
export const statementImportResultSchema = object({
  credits: count,
  duplicates: count,
  confirmed: count,
  review: count,
  unmatched: count,
  issues: z.array(rowIssue),
  /** The credits of this import a person must look at. */
  toDecide: z.array(bankCreditViewSchema),
});
export type StatementImportResult = output<typeof statementImportResultSchema>;
const statementField = keysOf(STATEMENT_FIELD_NAMES);
/** The body's saved mapping, if any, and — for an uploaded file — where its columns are. */
export const statementColumnsViewSchema = object({
  saved: z.optional(object({ receivedAt: text, amount: text, payer: text, remark: text, reference: z.optional(text) })),
  layout: z.optional(object({ headerRow: z.int(), headers: z.array(text), columns: z.partialRecord(statementField, z.int()) })),
});
export type StatementColumnsView = output<typeof statementColumnsViewSchema>;
