import { addDays, daysBetween, maxDate, minDate, type IsoDate } from '../dates';
import type { WorkPeriod } from '../types';

/**
 * Work-time arithmetic for the eligibility clauses. Periods count calendar
 * days with both ends inclusive; overlapping periods count once; nothing after
 * the application date counts; ongoing periods run to it.
 */
export interface Span {
  from: IsoDate;
  to: IsoDate;
}

/** Gaps up to this many days do not break a "连续" (continuous) stretch — SPEC §3. */
export const CONTINUITY_GAP_DAYS = 31;

function clip(periods: readonly WorkPeriod[], on: IsoDate, strictlyAfter?: IsoDate): Span[] {
  const spans: Span[] = [];
  for (const p of periods) {
    let from = p.from;
    const to = minDate(p.to ?? on, on);
    if (strictlyAfter !== undefined) from = maxDate(from, addDays(strictlyAfter, 1));
    if (from <= to) spans.push({ from, to });
  }
  return spans.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** Merge spans that overlap or touch (one ends the day before the next starts). */
function merge(spans: Span[], allowedGapDays = 0): Span[][] {
  const groups: Span[][] = [];
  let current: Span[] = [];
  let end: IsoDate | undefined;
  for (const s of spans) {
    if (end !== undefined && daysBetween(end, s.from) - 1 <= allowedGapDays) {
      current.push(s);
      end = maxDate(end, s.to);
    } else {
      if (current.length) groups.push(current);
      current = [s];
      end = s.to;
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

function unionDays(spans: Span[]): number {
  return merge(spans).reduce((total, group) => {
    const from = group[0]!.from;
    const to = group.reduce((e, s) => maxDate(e, s.to), group[0]!.to);
    return total + daysBetween(from, to) + 1;
  }, 0);
}

/** 累计: total days worked up to `on` (after `strictlyAfter`, when given), overlaps once. */
export function cumulativeWorkDays(periods: readonly WorkPeriod[], on: IsoDate, strictlyAfter?: IsoDate): number {
  return unionDays(clip(periods, on, strictlyAfter));
}

/**
 * 连续: days worked in the longest stretch, where gaps of up to 31 days do not
 * break the stretch but are not counted as work either.
 */
export function longestContinuousWorkDays(periods: readonly WorkPeriod[], on: IsoDate, strictlyAfter?: IsoDate): number {
  return merge(clip(periods, on, strictlyAfter), CONTINUITY_GAP_DAYS).reduce((best, stretch) => Math.max(best, unionDays(stretch)), 0);
}

/** Whether any period covers the date itself (从事本职业工作 — works in it now). */
export function worksOn(periods: readonly WorkPeriod[], on: IsoDate): boolean {
  return periods.some((p) => p.from <= on && (p.to === undefined || p.to >= on));
}
