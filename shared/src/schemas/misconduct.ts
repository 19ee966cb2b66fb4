import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { isoDateSchema } from './index';

/** What a proctor (or, after the event, an admin) records: the article, the act, the subject where it applies, severity where it matters. */
export const misconductSchema = z
  .object({
    applicationId: z.string().check(z.minLength(1, '请选择考生'), z.maxLength(36)),
    article: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: '请选择违纪条款' }),
    act: z.string({ error: '请选择违纪行为' }).check(z.minLength(2, '请选择违纪行为'), z.maxLength(200)),
    subject: z.optional(z.enum(['theory', 'practical', 'review'], { error: '请选择科目' })),
    severity: z.optional(z.enum(['minor', 'serious'], { error: '请选择情节' })),
    note: z.string({ error: '请写明经过' }).check(z.minLength(4, '请写明经过（至少4个字）'), z.maxLength(500, '说明不能超过500字')),
    /** The day of the act; the day of the sitting when absent. */
    occurredOn: z.optional(isoDateSchema),
    /** Found after the evaluation: results declared invalid, certificates revoked. */
    afterEvent: z._default(z.boolean(), false),
  })
  .check(
    z.refine((r) => r.article !== 2 || r.subject !== undefined, { message: '第二条违纪须注明科目', path: ['subject'] }),
    z.refine((r) => r.article !== 4 || r.severity !== undefined, { message: '第四条违纪须注明情节轻微或严重', path: ['severity'] }),
  );
export type MisconductRequest = output<typeof misconductSchema>;
