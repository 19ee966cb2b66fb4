import { addDays, endOfMonth, fromParts, parts, shanghaiDate, shanghaiMinuteOfDay, type IsoDate } from '../dates';
import { getPlan, LEVEL_NAMES } from '../plans';
import type { BatchSchedule, MonthlySchedule, Plan } from '../plans/types';
import type { Level } from '../types';
import { createWorkingDayCalendar, type WorkingDayCalendar } from './calendar';

export interface ApplicationWindow {
  open: boolean;
  /** Last day applications are accepted in the current window (inclusive). */
  closesOn?: IsoDate;
  /** The latest date the assessment is held (Shanghai: end of the next month; Beijing: the batch date). */
  assessBy?: IsoDate;
  /** When closed: the day the next window opens, if the plan has one. */
  nextOpensOn?: IsoDate;
  /** Chinese, for the candidate: why closed, or what to know about this window. */
  note?: string;
  /** The plan's own words for when this window's applicants are assessed ('4月底前', '12月底前或根据次年公告排考'). */
  assessLabel?: string;
}

/** Where a window stands, as a candidate reads it: taking applications, opening later, or over for this plan. */
export type WindowStage = 'open' | 'upcoming' | 'ended';

export const WINDOW_STAGE_NAMES: Record<WindowStage, string> = { open: '申报中', upcoming: '未开放', ended: '已截止' };

export function windowStage(window: ApplicationWindow): WindowStage {
  if (window.open) return 'open';
  return window.nextOpensOn ? 'upcoming' : 'ended';
}

/** Whether a plan takes applications for a level on a Shanghai calendar date, and what follows from applying then. */
export function applicationWindow(planId: string, level: Level, on: IsoDate): ApplicationWindow {
  const plan = getPlan(planId);
  const levelDef = plan.levels.find((l) => l.level === level);
  if (!levelDef?.offered) return { open: false, note: `本计划不开展${LEVEL_NAMES[level]}认定` };
  return plan.schedule.kind === 'monthly' ? monthlyWindow(plan, plan.schedule, on) : batchWindow(plan, plan.schedule, level, on);
}

function monthlyWindow(plan: Plan, schedule: MonthlySchedule, on: IsoDate): ApplicationWindow {
  const { year, month } = parts(on);
  const firstOpening = (): IsoDate | undefined => {
    const first = [...schedule.windows].sort((a, b) => a.applyMonth - b.applyMonth)[0];
    return first ? fromParts(plan.year, first.applyMonth, 1) : undefined;
  };
  if (year < plan.year) {
    const next = firstOpening();
    return { open: false, ...(next ? { nextOpensOn: next } : {}), note: `${plan.year}年度申报尚未开始` };
  }
  if (year > plan.year) return { open: false, note: `${plan.year}年度申报已结束，请关注次年公告` };

  const row = schedule.windows.find((w) => w.applyMonth === month);
  if (!row) {
    const later = schedule.windows.filter((w) => w.applyMonth > month).sort((a, b) => a.applyMonth - b.applyMonth)[0];
    return {
      open: false,
      ...(later ? { nextOpensOn: fromParts(year, later.applyMonth, 1) } : {}),
      note: later ? `${month}月不受理申报，${later.applyMonth}月1日起可申报` : `${plan.year}年度申报已结束，请关注次年公告`,
    };
  }
  const assessBy = row.assessBy === 'end-of-next-month' ? endOfMonth(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1) : endOfMonth(year, month);
  return {
    open: true,
    closesOn: endOfMonth(year, month),
    assessBy,
    assessLabel: row.label,
    note: `评价时间：${row.label}`,
  };
}

/**
 * Beijing: a batch's registration runs from the day after the previous batch of
 * the same level closed (the first: the plan's publication) through its
 * closing date; the candidate is offered the next batch still open.
 */
function batchWindow(plan: Plan, schedule: BatchSchedule, level: Level, on: IsoDate): ApplicationWindow {
  const batches = schedule.batches.filter((b) => b.level === level).sort((a, b) => (a.closesOn < b.closesOn ? -1 : 1));
  let opensOn = plan.publishedOn;
  for (const batch of batches) {
    if (on < opensOn) return { open: false, nextOpensOn: opensOn, note: `报名将于${opensOn}开始` };
    if (on <= batch.closesOn) {
      return { open: true, closesOn: batch.closesOn, assessBy: batch.assessOn, note: `报名截止${batch.closesOn}，认定日期${batch.assessOn}` };
    }
    opensOn = addDays(batch.closesOn, 1);
  }
  return { open: false, note: `${plan.year}年度${LEVEL_NAMES[level]}各批次报名均已截止` };
}

export interface AcceptancePointStatus {
  open: boolean;
  /** Chinese: '正在办公（至11:00）', '今日已下班', '今天是非工作日（国庆节）'. */
  label: string;
  /** False when the day's working status comes from the weekend-only fallback: staff must confirm. */
  verified: boolean;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether the plan's acceptance point is open at an instant (working days, opening hours, Shanghai time). */
export function acceptancePointStatus(planId: string, now: Date, calendar: WorkingDayCalendar = createWorkingDayCalendar()): AcceptancePointStatus | undefined {
  const point = getPlan(planId).acceptancePoint;
  if (!point) return undefined;
  const day = calendar.info(shanghaiDate(now));
  if (!day.working) {
    return { open: false, label: day.name ? `今天是非工作日（${day.name}），暂停办公` : '今天是非工作日，暂停办公', verified: day.verified };
  }
  const minute = shanghaiMinuteOfDay(now);
  const current = point.hours.find((h) => minute >= minutesOf(h.from) && minute < minutesOf(h.to));
  if (current) return { open: true, label: `正在办公（至${current.to}）`, verified: day.verified };
  const next = point.hours.find((h) => minute < minutesOf(h.from));
  return { open: false, label: next ? `暂未办公（${next.from}开始）` : '今日已下班', verified: day.verified };
}
