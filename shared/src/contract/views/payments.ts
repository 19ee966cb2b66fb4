import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { count, fen, instant, isoDate, level, object, subjectKind, text } from './fields';

const ticketSubject = object({ kind: subjectKind, name: text, startsAt: text, endsAt: z.optional(text), mode: z.optional(text) });
/** The admission ticket (准考证): the `TicketView` of rules/tickets.ts. */
export const ticketViewSchema = object({
  ticketNo: text,
  name: text,
  residentIdMasked: text,
  planId: text,
  level,
  levelName: text,
  body: text,
  session: object({ date: isoDate, site: text, address: z.optional(text) }),
  subjects: z.array(ticketSubject),
  notices: z.array(text),
  /** A photo the candidate uploaded (their ID card's), as an address the app can show. */
  photoUrl: z.optional(text),
});

/** What the app hands to requestPayment: signed by the server with the merchant key. */
export const wechatPaymentStartSchema = object({
  outTradeNo: text,
  amountFen: fen,
  /** The order closes with the seat's payment deadline. */
  expiresAt: instant,
  params: object({ timeStamp: text, nonceStr: text, package: text, signType: z.literal('RSA'), paySign: text }),
});
export type WechatPaymentStart = output<typeof wechatPaymentStartSchema>;

/**
 * A school's fee for its class: who is due (approved, seat held), the total, the earliest deadline,
 * and the WeChat Pay order for it, if one is open — its code is what the school's payer scans.
 */
export const batchPaymentViewSchema = object({
  due: z.array(object({ applicationId: text, name: text, feeFen: fen, deadline: instant })),
  dueFen: fen,
  /** The first member's seat goes at this moment if unpaid. */
  deadline: z.optional(instant),
  paid: count,
  order: z.optional(object({ outTradeNo: text, amountFen: fen, expiresAt: instant, codeUrl: text, members: count })),
});
export type BatchPaymentView = output<typeof batchPaymentViewSchema>;
