import { formatChineseDate, parts, type IsoDate } from '../dates';
import { getPlan, LEVEL_NAMES } from '../plans';
import type { Level } from '../types';
import { applicationWindow } from './schedule';

/**
 * Where staff may put an exam session (场次), and which sessions can seat an
 * application. Shanghai assesses by the end of the month after the application
 * month (December: by 31 December), so sessions fall in March–December of the
 * plan year; Beijing holds each batch on its published date.
 */
export type Verdict = { ok: true } | { ok: false; reason: string };

export function sessionDateAllowed(planId: string, levels: Level[], date: IsoDate): Verdict {
  const plan = getPlan(planId);
  if (levels.length === 0) return { ok: false, reason: '请至少选择一个等级' };
  for (const level of levels) {
    if (!plan.levels.some((l) => l.level === level && l.offered)) return { ok: false, reason: `本计划不开展${LEVEL_NAMES[level]}认定` };
  }
  if (plan.schedule.kind === 'monthly') {
    const { year, month } = parts(date);
    const firstApplyMonth = Math.min(...plan.schedule.windows.map((w) => w.applyMonth));
    if (year !== plan.year || month <= firstApplyMonth) {
      return { ok: false, reason: `考核日期须在${plan.year}年${firstApplyMonth + 1}月1日至12月31日之间` };
    }
    return { ok: true };
  }
  const schedule = plan.schedule;
  for (const level of levels) {
    if (!schedule.batches.some((b) => b.level === level && b.assessOn === date)) {
      const dates = schedule.batches.filter((b) => b.level === level).map((b) => formatChineseDate(b.assessOn));
      return { ok: false, reason: `${LEVEL_NAMES[level]}的认定日期为：${dates.join('、')}` };
    }
  }
  return { ok: true };
}

/** Whether a session on `sessionDate` can seat an application made on `appliedOn`: after it, and by its assess-by date. */
export function sessionServesApplication(planId: string, level: Level, appliedOn: IsoDate, sessionDate: IsoDate): boolean {
  const window = applicationWindow(planId, level, appliedOn);
  if (!window.open || !window.assessBy) return false;
  if (getPlan(planId).schedule.kind === 'batches') return sessionDate === window.assessBy;
  return sessionDate > appliedOn && sessionDate <= window.assessBy;
}
