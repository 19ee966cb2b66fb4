import holidayData from 'chinese-days/dist/chinese-days.json';
import { addDays, parts, weekday, type IsoDate } from '../dates';

/**
 * Chinese working days (工作日): weekends off, statutory holidays off, make-up
 * working days (调休, e.g. Saturday 2026-02-14) on. The data comes from the
 * maintained `chinese-days` package; admins may override single dates (the
 * server keeps the table and passes it in). Years the package does not cover
 * fall back to weekends only and are reported as unverified.
 */
export interface WorkingDayInfo {
  date: IsoDate;
  working: boolean;
  /** false when the year is outside the holiday data and no override exists: staff must check it. */
  verified: boolean;
  /** Chinese holiday or make-up-day name, when there is one. */
  name?: string;
  source: 'override' | 'calendar' | 'weekend-only';
}

export type WorkingDayOverrides = Readonly<Record<IsoDate, { working: boolean; name?: string }>>;

interface HolidayData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = holidayData as HolidayData;
const coveredYears = new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));

/** The holiday package's entries read 'English,中文,days'; users see the Chinese name. */
function chineseName(entry: string): string | undefined {
  return entry.split(',')[1];
}

export function calendarCoversYear(year: number): boolean {
  return coveredYears.has(year);
}

export interface WorkingDayCalendar {
  info(date: IsoDate): WorkingDayInfo;
  isWorkingDay(date: IsoDate): boolean;
  /** The nth working day strictly after (n > 0) or before (n < 0) a date. */
  shiftWorkingDays(date: IsoDate, n: number): IsoDate;
}

export function createWorkingDayCalendar(overrides: WorkingDayOverrides = {}): WorkingDayCalendar {
  function info(date: IsoDate): WorkingDayInfo {
    const override = overrides[date];
    if (override) return { date, working: override.working, verified: true, source: 'override', ...(override.name ? { name: override.name } : {}) };
    const weekend = weekday(date) >= 6;
    if (!calendarCoversYear(parts(date).year)) return { date, working: !weekend, verified: false, source: 'weekend-only' };
    const holiday = data.holidays[date];
    if (holiday !== undefined) return { date, working: false, verified: true, source: 'calendar', ...nameOf(holiday) };
    const makeUp = data.workdays[date];
    if (makeUp !== undefined) return { date, working: true, verified: true, source: 'calendar', ...nameOf(makeUp, '调休上班') };
    return { date, working: !weekend, verified: true, source: 'calendar' };
  }

  function shiftWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n === 0) throw new RangeError('shiftWorkingDays needs a non-zero whole number');
    const step = n > 0 ? 1 : -1;
    let remaining = Math.abs(n);
    let cursor = date;
    while (remaining > 0) {
      cursor = addDays(cursor, step);
      if (info(cursor).working) remaining--;
    }
    return cursor;
  }

  return { info, isWorkingDay: (date) => info(date).working, shiftWorkingDays };
}

function nameOf(entry: string, suffix?: string): { name?: string } {
  const name = chineseName(entry);
  if (!name) return {};
  return { name: suffix ? `${name}${suffix}` : name };
}

const defaultCalendar = createWorkingDayCalendar();

export function isWorkingDay(date: IsoDate): boolean {
  return defaultCalendar.isWorkingDay(date);
}

export function workingDayInfo(date: IsoDate): WorkingDayInfo {
  return defaultCalendar.info(date);
}

/** Download opens at 00:00 Shanghai on the 5th working day before the assessment (2026-03-27 → 2026-03-20). */
export function ticketAvailableFrom(assessmentDate: IsoDate, calendar: WorkingDayCalendar = defaultCalendar): IsoDate {
  return calendar.shiftWorkingDays(assessmentDate, -TICKET_WORKING_DAYS_BEFORE);
}

/** Results are due within 20 working days after the candidate's last subject. */
export function resultsDueBy(lastSubjectDate: IsoDate, calendar: WorkingDayCalendar = defaultCalendar): IsoDate {
  return calendar.shiftWorkingDays(lastSubjectDate, RESULTS_DUE_WORKING_DAYS);
}

export const TICKET_WORKING_DAYS_BEFORE = 5;
export const RESULTS_DUE_WORKING_DAYS = 20;
