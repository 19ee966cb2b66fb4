import * as z from 'zod/mini';
import type { FieldIssue } from '../errors';

/**
 * Characters nobody types into a form: C0 and C1 controls (tab and line breaks
 * excepted), bidi overrides and isolates (they make a name read backwards),
 * zero-width characters and the byte-order mark (they make two names look the
 * same). Refused in every text a request carries.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/;

export const UNPRINTABLE_MESSAGE = '含有无法显示的控制字符，请删除后重新输入';

export function hasUnprintable(text: string): boolean {
  return UNPRINTABLE.test(text);
}

/** The first text in a request (at any depth) holding such a character, as a field issue; undefined when there is none. */
export function unprintableIssue(value: unknown, path: readonly string[] = []): FieldIssue | undefined {
  if (typeof value === 'string') return hasUnprintable(value) ? { path: path.join('.'), message: UNPRINTABLE_MESSAGE } : undefined;
  if (typeof value !== 'object' || value === null || path.length > 8) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const issue = hasUnprintable(key) ? { path: [...path, key].join('.'), message: UNPRINTABLE_MESSAGE } : unprintableIssue(inner, [...path, key]);
    if (issue) return issue;
  }
  return undefined;
}

/**
 * A spreadsheet takes a cell that starts with = + - @ (or a tab or carriage
 * return before one) as a formula: a name that will ever be exported must not.
 */
export function startsLikeFormula(text: string): boolean {
  return /^[\s]*[=+\-@]/.test(text) || /^[\t\r]/.test(text);
}

export const FORMULA_PREFIX_MESSAGE = '不能以 = + - @ 开头';

/** The check a name field that ends up in spreadsheets carries (staff, schools, batches, payers). */
export function notFormula(what: string) {
  return z.refine<string>((text) => !startsLikeFormula(text), { message: `${what}${FORMULA_PREFIX_MESSAGE}` });
}
