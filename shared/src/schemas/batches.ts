import * as z from 'zod/mini';
import { notFormula } from '../rules/text';
import type { output } from 'zod/v4/core';
import { levelSchema } from './index';
import { materialsPartSchema } from './applications';

/** Group declaration (团体申报): an institution's batch of students for one plan and level. */
export const createBatchSchema = z.object({
  planId: z.string({ error: '请选择认定计划' }).check(z.minLength(1, '请选择认定计划'), z.maxLength(32)),
  level: levelSchema,
  name: z.string({ error: '请填写批次名称' }).check(z.minLength(2, '请填写批次名称'), z.maxLength(60, '批次名称不能超过60字'), notFormula('批次名称')),
});
export type CreateBatchRequest = output<typeof createBatchSchema>;

export type BatchState = 'open' | 'submitted';

export const prereviewSchema = z
  .object({
    applicationIds: z.array(z.string().check(z.maxLength(36))).check(z.minLength(1, '请选择学员'), z.maxLength(500)),
    decision: z.enum(['passed', 'excluded'], { error: '请选择初审结论' }),
    note: z.optional(z.string().check(z.maxLength(200, '说明不能超过200字'))),
  })
  .check(z.refine((r) => r.decision === 'passed' || (r.note?.trim().length ?? 0) >= 2, { message: '不予申报时请写明原因', path: ['note'] }));
export type PrereviewRequest = output<typeof prereviewSchema>;

/** The proof for one student, attached by the institution. */
export const memberMaterialsSchema = z.object({ materials: materialsPartSchema.materials });
export type MemberMaterialsRequest = output<typeof memberMaterialsSchema>;

/** Approve the whole batch, except the listed students, each returned or rejected with a reason. */
export const bulkApproveSchema = z.object({
  exceptions: z._default(
    z
      .array(
        z.object({
          applicationId: z.string().check(z.maxLength(36)),
          decision: z.enum(['returned', 'rejected'], { error: '请选择处理方式' }),
          note: z.string({ error: '请写明原因' }).check(z.minLength(2, '请写明原因'), z.maxLength(200, '原因不能超过200字')),
        }),
      )
      .check(z.maxLength(500)),
    [],
  ),
});
export type BulkApproveRequest = output<typeof bulkApproveSchema>;

export const memberParamSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  applicationId: z.string().check(z.minLength(1), z.maxLength(64)),
});
