import { z } from 'zod';
import { isIsoDate } from '../dates';
import { ERROR_MESSAGES, type FieldIssue } from '../errors';
import { LEVELS, SCHOOL_KINDS, SUBJECT_KINDS, type ApplicantFacts, type Level } from '../types';

/**
 * Request schemas shared by the app (form validation) and the server (request
 * validation). Every message a person can see is Chinese.
 */
export const isoDateSchema = z.string({ error: '请选择日期' }).refine(isIsoDate, { message: ERROR_MESSAGES.INVALID_DATE });

export const levelSchema = z.coerce
  .number({ error: '请选择等级' })
  .refine((n): n is Level => (LEVELS as readonly number[]).includes(n), { message: '等级应为一级至五级' })
  .transform((n) => n as Level);

const occupationMatch = z.enum(['same', 'related'], { error: '请选择本职业或相关职业' });

export const workPeriodSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema.optional(), occupation: occupationMatch })
  .refine((w) => w.to === undefined || w.to >= w.from, { message: '结束日期不能早于开始日期', path: ['to'] });

export const certificateSchema = z.object({ level: levelSchema, occupation: occupationMatch, issuedOn: isoDateSchema });

export const diplomaSchema = z
  .object({
    school: z.enum(SCHOOL_KINDS as [string, ...string[]], { error: '请选择院校类型' }).transform((s) => s as ApplicantFacts['diplomas'][number]['school']),
    major: z.enum(['same', 'related', 'other'], { error: '请选择专业是否对口' }),
    graduatedOn: isoDateSchema.optional(),
    finalYear: z.boolean().optional(),
    evaluated: z.boolean().optional(),
  })
  .refine((d) => d.graduatedOn !== undefined || d.finalYear === true, { message: '请填写毕业日期，或勾选“在读应届毕业生”', path: ['graduatedOn'] });

export const titleSchema = z.object({
  grade: z.enum(['junior', 'intermediate', 'senior'], { error: '请选择职称级别' }),
  matchesMajor: z.boolean(),
  obtainedOn: isoDateSchema,
});

export const trainingSchema = z.object({ forLevel: levelSchema, completedOn: isoDateSchema });

export const applicantFactsSchema = z.object({
  birthDate: isoDateSchema,
  intendsToWork: z.boolean().optional(),
  work: z.array(workPeriodSchema).max(50, '工作经历最多填写50段').default([]),
  certificates: z.array(certificateSchema).max(20).default([]),
  diplomas: z.array(diplomaSchema).max(20).default([]),
  titles: z.array(titleSchema).max(20).default([]),
  trainings: z.array(trainingSchema).max(20).default([]),
  technicianClassStudent: z.boolean().optional(),
}) satisfies z.ZodType<ApplicantFacts, unknown>;

export const eligibilityRequestSchema = z.object({
  level: levelSchema,
  facts: applicantFactsSchema,
  /** Defaults to today in Shanghai on the server. */
  on: isoDateSchema.optional(),
});
export type EligibilityRequest = z.infer<typeof eligibilityRequestSchema>;

export const windowQuerySchema = z.object({ level: levelSchema, on: isoDateSchema.optional() });
export type WindowQuery = z.infer<typeof windowQuerySchema>;

export const planIdParamSchema = z.object({ id: z.string().min(1).max(64) });

export const subjectKindSchema = z.enum(SUBJECT_KINDS as [string, ...string[]]);

export type ParseResult<T> = { ok: true; data: T } | { ok: false; issues: FieldIssue[] };

const GENERIC_ISSUE_MESSAGES: Record<string, string> = {
  invalid_type: '缺少或格式不正确',
  too_big: '内容过多或过长',
  too_small: '内容过少或过短',
  invalid_value: '取值不在允许范围内',
  unrecognized_keys: '包含无法识别的字段',
};

/** Parses input with Chinese, per-field issues — the form shows them beside the fields, the server returns them. */
export function parseWith<T>(schema: z.ZodType<T, unknown>, input: unknown): ParseResult<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const issues = result.error.issues.map((issue) => {
    const hasChinese = /[\u4e00-\u9fff]/.test(issue.message);
    return { path: issue.path.map(String).join('.'), message: hasChinese ? issue.message : (GENERIC_ISSUE_MESSAGES[issue.code] ?? ERROR_MESSAGES.VALIDATION_FAILED) };
  });
  return { ok: false, issues };
}
