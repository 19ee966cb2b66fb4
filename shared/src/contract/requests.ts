import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { ticketNoSchema } from '../schemas/examDay';
import { idParamSchema, isoDateSchema } from '../schemas/index';

/** Request parts that only the server reads (the app's forms use the schemas of `schemas/`). */
export const certificateStatusQuerySchema = z.object({ status: z.optional(z.enum(['valid', 'revoked'])) });
export const sessionCandidateParamSchema = z.object({ id: idParamSchema.shape.id, applicationId: idParamSchema.shape.id });
const scoreCell = z.optional(z.string().check(z.maxLength(10)));
/** Marks as typed — '86', '缺考', '' — graded by the shared rule, not here. */
export const enterScoresSchema = z.object({ scores: z.object({ theory: scoreCell, practical: scoreCell, review: scoreCell }) });
export type EnterScoresRequest = output<typeof enterScoresSchema>;
export const examDayQuerySchema = z.object({ date: z.optional(isoDateSchema) });
export const ticketParamSchema = z.object({ id: idParamSchema.shape.id, ticketNo: ticketNoSchema });
export const applicationQuerySchema = z.object({ applicationId: z.string().check(z.minLength(1), z.maxLength(36)) });
/** Demo and test sign-in: which of the fake WeChat's people is signing in. */
export const demoPersonaSchema = z.object({ persona: z.optional(z.string().check(z.regex(/^[\w-]{1,40}$/, '身份标识不正确'))) });
export const demoPhoneSchema = z.object({ phone: z.string({ error: '请输入11位手机号' }).check(z.regex(/^1[3-9]\d{9}$/, '请输入11位手机号')) });
