import * as z from 'zod/mini';
import { notFormula } from '../rules/text';
import { residentIdSchema } from './identity';
import type { output } from 'zod/v4/core';
import { applicantFactsSchema, levelSchema } from './index';
import type { ApplicationView } from '../contract/views';

const fileIdSchema = z.string({ error: '文件编号不正确' }).check(z.minLength(1), z.maxLength(36));
const materialIdSchema = z.string({ error: '请选择材料' }).check(z.minLength(1), z.maxLength(40));

const attachedMaterialsSchema = z
  .array(z.object({ materialId: materialIdSchema, fileIds: z.array(fileIdSchema).check(z.maxLength(10)) }))
  .check(z.maxLength(20));
const signaturesSchema = z
  .array(z.object({ materialId: materialIdSchema, signedName: z.string({ error: '请签名' }).check(z.maxLength(60, '签名过长')) }))
  .check(z.maxLength(10));

/** The files attached to each material, and the commitments signed with a typed name. */
export const materialsPartSchema = {
  materials: z._default(attachedMaterialsSchema, []),
  commitments: z._default(signaturesSchema, []),
};

/** An individual application: the plan, the level, the facts the candidate declares, the proof and the signed commitments. */
export const applicationRequestSchema = z.object({
  planId: z.string({ error: '请选择认定计划' }).check(z.minLength(1, '请选择认定计划'), z.maxLength(32)),
  level: levelSchema,
  facts: applicantFactsSchema,
  ...materialsPartSchema,
  /** The candidate read that a new full application gives up their make-up and the subjects they passed, and goes ahead. */
  confirmForfeit: z.optional(z.boolean()),
});
export type ApplicationRequest = output<typeof applicationRequestSchema>;

export const fileLinkQuerySchema = z.object({
  expires: z.coerce.number().check(z.int(), z.minimum(0)),
  sig: z.string().check(z.minLength(10), z.maxLength(100)),
});
export type FileLinkQuery = output<typeof fileLinkQuerySchema>;

export const reviewQuerySchema = z.object({
  planId: z.optional(z.string().check(z.maxLength(32))),
  level: z.optional(levelSchema),
  state: z._default(z.enum(['submitted', 'returned', 'approved', 'rejected', 'withdrawn']), 'submitted'),
  channel: z.optional(z.enum(['individual', 'group'])),
  batchId: z.optional(z.string().check(z.maxLength(36))),
});
export type ReviewQuery = output<typeof reviewQuerySchema>;

export const approveSchema = z.object({ note: z.optional(z.string().check(z.maxLength(500, '备注不能超过500字'))) });
const correctionSchema = z.object({
  item: z.string().check(z.minLength(1), z.maxLength(40)),
  note: z.string({ error: '请写明需要修改的内容' }).check(z.minLength(2, '请写明需要修改的内容'), z.maxLength(200, '说明不能超过200字')),
});
/** Returned for correction: a general note, per-item notes, or both — never neither. */
export const returnSchema = z
  .object({
    note: z.optional(z.string().check(z.maxLength(500, '说明不能超过500字'))),
    items: z._default(z.array(correctionSchema).check(z.maxLength(20)), []),
  })
  .check(z.refine((r) => (r.note?.trim().length ?? 0) >= 2 || r.items.length > 0, { message: '请写明需要修改的内容', path: ['note'] }));
export type ReturnRequest = output<typeof returnSchema>;
export const rejectSchema = z.object({
  reason: z.string({ error: '请写明不通过的原因' }).check(z.minLength(2, '请写明不通过的原因'), z.maxLength(500, '原因不能超过500字')),
});
export type ReviewNote = { note?: string };

/** A returned application, corrected: the facts and materials again, checked again. */
export const resubmitSchema = z.object({
  facts: applicantFactsSchema,
  /** Absent: the materials stay as they are. */
  materials: z.optional(attachedMaterialsSchema),
  /** Absent: the signatures stay as they are. */
  commitments: z.optional(signaturesSchema),
});

export const bookVisitSchema = z.object({ startsAt: z.string({ error: '请选择时段' }).check(z.minLength(10, '请选择时段'), z.maxLength(40)) });
export type BookVisitRequest = output<typeof bookVisitSchema>;

/** A student follows the application their school declared: the ID and name of their profile, plus the phone on the roster. */
export type ResubmitRequest = output<typeof resubmitSchema>;

export const visitCodeParamSchema = z.object({ code: z.string().check(z.regex(/^[0-9A-Za-z]{6,12}$/, '预约码应为8位字母和数字')) });

export const auditQuerySchema = z.object({
  applicationId: z.optional(z.string().check(z.maxLength(36))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
});
export type AuditQuery = output<typeof auditQuerySchema>;

/**
 * When the candidate must pay by, if a payment is theirs to make now: approved on their own
 * application, a seat held for them until then, and no WeChat payment already waiting on WeChat's confirmation.
 */
export function paymentDueBy(application: Pick<ApplicationView, 'state' | 'seat' | 'paying' | 'channel'>): string | undefined {
  // A school's class is paid for by the school, in one order.
  if (application.state !== 'approved' || application.paying || application.channel === 'group') return undefined;
  return application.seat?.heldUntil ?? undefined;
}

/** 我已转账: whose account the fee was sent from, so a parent's transfer is matched like the candidate's own. */
export const transferNoticeSchema = z.object({
  payer: z
    .string({ error: '请填写付款人姓名' })
    .check(z.trim(), z.minLength(1, '请填写付款人姓名'), z.maxLength(60, '付款人姓名最多60个字'), notFormula('付款人姓名')),
});
export type TransferNotice = z.infer<typeof transferNoticeSchema>;

/** Staff correct a candidate's ID number at the counter, with the original card before them: what it should read, and on what ground. */
export const residentIdCorrectionSchema = z.object({
  residentId: residentIdSchema,
  note: z.string({ error: '请写明更正依据' }).check(z.minLength(4, '请写明更正依据（至少4个字）'), z.maxLength(200, '说明不能超过200字')),
});
export type ResidentIdCorrection = output<typeof residentIdCorrectionSchema>;
