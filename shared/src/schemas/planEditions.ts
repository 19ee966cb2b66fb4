import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { planSchema } from '../contract/views/plans';

/** A plan's id: what addresses and applications name it by, e.g. shanghai-2027. */
export const planIdSchema = z
  .string({ error: '请填写计划编号' })
  .check(z.regex(/^[a-z][a-z0-9-]{2,31}$/, '计划编号为3至32位小写字母、数字或连字符，以字母开头，如 shanghai-2027'));

/** A new plan, a copy of one the body already has: next year's starts as this year's. */
export const clonePlanSchema = z.object({ from: z.string({ error: '请选择复制哪个计划' }).check(z.minLength(1), z.maxLength(32)), id: planIdSchema });
export type ClonePlanRequest = output<typeof clonePlanSchema>;

/** The whole plan, as edited: checked by the same schema every plan is (a 400 names the field at fault). */
export const editPlanSchema = z.object({ plan: planSchema });
export type EditPlanRequest = output<typeof editPlanSchema>;

/** The notice as published, whole: every text of the plan a person reads must be found in it. */
export const planNoticeSchema = z.object({
  text: z.string({ error: '请粘贴公告全文' }).check(z.minLength(20, '请粘贴公告全文'), z.maxLength(200_000, '公告过长')),
});
export type PlanNoticeRequest = output<typeof planNoticeSchema>;
