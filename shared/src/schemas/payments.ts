import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';

export type CreditStatus = 'confirmed' | 'review' | 'unmatched' | 'ignored';

export const creditQuerySchema = z.object({ status: z._default(z.enum(['review', 'unmatched', 'confirmed', 'ignored']), 'review') });
export type CreditQuery = output<typeof creditQuerySchema>;

export const confirmCreditSchema = z.object({
  applicationId: z.string({ error: '请选择这笔款项对应的报名' }).check(z.minLength(1, '请选择这笔款项对应的报名'), z.maxLength(36)),
});
export type ConfirmCreditRequest = output<typeof confirmCreditSchema>;

/** Money going back: `open` — still to reach its payer (asked of WeChat, owed by finance, or arrived not fitting any fee); `done` — back. */
export const refundQuerySchema = z.object({ state: z._default(z.enum(['open', 'done']), 'open') });
export type RefundQuery = output<typeof refundQuerySchema>;

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
