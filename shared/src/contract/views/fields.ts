import * as z from 'zod/mini';
import { ERROR_CODES } from '../../error-answers';
import { APPLICATION_STATES } from '../../rules/applicationState';
import { MAJOR_NAMES, TITLE_NAMES } from '../../rules/eligibility';
import { LEVELS, SCHOOL_KINDS, SUBJECT_KINDS, type SchoolKind, type SubjectKind } from '../../types';

/**
 * The words every answer is written in; the answers themselves are in the files beside this one, one a
 * feature. Objects are strict — a field the contract does not name is a failure, not a surprise for the app.
 */

export const object = z.strictObject;
export const text = z.string();
export const instant = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/));
export const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
export const fen = z.int();
export const count = z.int().check(z.minimum(0));
export const level = z.literal(LEVELS);
/** The values the shared rules name, as an enum: one list, never retyped here. */
export const keysOf = <K extends string>(names: Record<K, string>) => z.enum(Object.keys(names) as [K, ...K[]]);
export const titleGrade = keysOf(TITLE_NAMES);
export const majorMatch = keysOf(MAJOR_NAMES);
export const subjectKind = z.enum(SUBJECT_KINDS as [SubjectKind, ...SubjectKind[]]);
export const schoolKind = z.enum(SCHOOL_KINDS as [SchoolKind, ...SchoolKind[]]);
export const applicationState = z.enum(APPLICATION_STATES);
export const occupationMatch = z.enum(['same', 'related']);
export const levelPriced = object({ level, name: text, title: z.optional(text), feeFen: fen });

/** Every refusal: a stable code, a Chinese message to show as it is, and per-field issues for a form. */
export const errorBodySchema = object({
  code: z.enum(ERROR_CODES),
  message: text,
  issues: z.optional(z.array(object({ path: text, message: text }))),
});
