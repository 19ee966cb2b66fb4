import * as z from 'zod/mini';
import type { $ZodType, output } from 'zod/v4/core';
import { isIsoDate } from '../dates';
import { COMMON_ERROR_MESSAGES } from '../error-messages';
import type { FieldIssue } from '../errors';
import { unprintableIssue } from '../rules/text';
import { LEVELS, SCHOOL_KINDS, type ApplicantFacts, type Level, type SchoolKind } from '../types';

/**
 * Request schemas shared by the app (form validation) and the server (request
 * validation). Written with zod/mini so the mini program bundles only what it
 * uses. Every message a person can see is Chinese.
 */
export const isoDateSchema = z.string({ error: '请选择日期' }).check(z.refine(isIsoDate, { message: COMMON_ERROR_MESSAGES.INVALID_DATE }));

export const levelSchema = z.pipe(
  z.coerce.number({ error: '请选择等级' }).check(z.refine((n) => (LEVELS as readonly number[]).includes(n), { message: '等级应为一级至五级' })),
  z.transform((n) => n as Level),
);

const occupationMatch = z.enum(['same', 'related'], { error: '请选择本职业或相关职业' });

export const workPeriodSchema = z
  .object({ from: isoDateSchema, to: z.optional(isoDateSchema), occupation: occupationMatch })
  .check(z.refine((w) => w.to === undefined || w.to >= w.from, { message: '结束日期不能早于开始日期', path: ['to'] }));

export const certificateSchema = z.object({ level: levelSchema, occupation: occupationMatch, issuedOn: isoDateSchema });

export const diplomaSchema = z
  .object({
    school: z.pipe(
      z.enum(SCHOOL_KINDS as [SchoolKind, ...SchoolKind[]], { error: '请选择院校类型' }),
      z.transform((s) => s as SchoolKind),
    ),
    major: z.enum(['same', 'related', 'other'], { error: '请选择专业是否对口' }),
    graduatedOn: z.optional(isoDateSchema),
    finalYear: z.optional(z.boolean()),
    evaluated: z.optional(z.boolean()),
  })
  .check(z.refine((d) => d.graduatedOn !== undefined || d.finalYear === true, { message: '请填写毕业日期，或勾选“在读应届毕业生”', path: ['graduatedOn'] }));

export const titleSchema = z.object({
  grade: z.enum(['junior', 'intermediate', 'senior'], { error: '请选择职称级别' }),
  matchesMajor: z.boolean(),
  obtainedOn: isoDateSchema,
});

export const trainingSchema = z.object({ forLevel: levelSchema, completedOn: isoDateSchema });

function listOf<T extends $ZodType>(item: T, max: number, what: string) {
  return z._default(z.array(item).check(z.maxLength(max, `${what}最多填写${max}项`)), []);
}

export const applicantFactsSchema = z.object({
  birthDate: isoDateSchema,
  intendsToWork: z.optional(z.boolean()),
  work: listOf(workPeriodSchema, 50, '工作经历'),
  certificates: listOf(certificateSchema, 20, '证书'),
  diplomas: listOf(diplomaSchema, 20, '学历'),
  titles: listOf(titleSchema, 20, '职称'),
  trainings: listOf(trainingSchema, 20, '培训经历'),
  technicianClassStudent: z.optional(z.boolean()),
});

// The schema's output must be exactly what the rules take.
const factsMatch: (facts: output<typeof applicantFactsSchema>) => ApplicantFacts = (facts) => facts;
void factsMatch;

export const eligibilityRequestSchema = z.object({
  level: levelSchema,
  facts: applicantFactsSchema,
  /** Defaults to today in Shanghai on the server. */
  on: z.optional(isoDateSchema),
});
export type EligibilityRequest = output<typeof eligibilityRequestSchema>;

export const windowQuerySchema = z.object({ level: levelSchema, on: z.optional(isoDateSchema) });
export type WindowQuery = output<typeof windowQuerySchema>;

export const idParamSchema = z.object({ id: z.string().check(z.minLength(1), z.maxLength(64)) });

export type ParseResult<T> = { ok: true; data: T } | { ok: false; issues: FieldIssue[] };

const GENERIC_ISSUE_MESSAGES: Record<string, string> = {
  invalid_type: '缺少或格式不正确',
  too_big: '内容过多或过长',
  too_small: '内容过少或过短',
  invalid_value: '取值不在允许范围内',
  unrecognized_keys: '包含无法识别的字段',
};

/** Parses input with Chinese, per-field issues — the form shows them beside the fields, the server returns them. */
export function parseWith<S extends $ZodType>(schema: S, input: unknown): ParseResult<output<S>> {
  const unprintable = unprintableIssue(input);
  if (unprintable) return { ok: false, issues: [unprintable] };
  const result = z.safeParse(schema, input);
  if (result.success) return { ok: true, data: result.data };
  const issues = result.error.issues.map((issue) => {
    const hasChinese = /[\u4e00-\u9fff]/.test(issue.message);
    return {
      path: issue.path.map(String).join('.'),
      message: hasChinese ? issue.message : (GENERIC_ISSUE_MESSAGES[issue.code] ?? COMMON_ERROR_MESSAGES.VALIDATION_FAILED),
    };
  });
  return { ok: false, issues };
}

export const createExamSessionSchema = z.object({
  planId: z.string({ error: '请选择认定计划' }).check(z.minLength(1, '请选择认定计划'), z.maxLength(32)),
  date: isoDateSchema,
  site: z.string({ error: '请填写考点' }).check(z.minLength(2, '请填写考点'), z.maxLength(200, '考点名称过长')),
  levels: z.array(levelSchema).check(z.minLength(1, '请至少选择一个等级'), z.maxLength(5)),
  capacity: z.coerce.number({ error: '请填写座位数' }).check(z.int('座位数应为整数'), z.minimum(1, '座位数至少为1'), z.maximum(2000, '座位数不能超过2000')),
  /** When each subject starts that day (theory and practical are held on the same day). */
  theoryAt: z._default(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 09:00')), '09:00'),
  practicalAt: z._default(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 13:30')), '13:30'),
});
export type CreateExamSessionRequest = output<typeof createExamSessionSchema>;

export const planQuerySchema = z.object({ planId: z.string({ error: '请选择认定计划' }).check(z.minLength(1, '请选择认定计划'), z.maxLength(32)) });
