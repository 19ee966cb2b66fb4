import holidayData from 'chinese-days/dist/chinese-days.json';
import { addDays, isIsoDate, parts, weekday, type IsoDate } from '../dates';
import type { FieldIssue } from '../errors';

/**
 * Chinese working days (工作日): weekends off, statutory holidays off, make-up
 * working days (调休, e.g. Saturday 2026-02-14) on. The data comes from the
 * maintained `chinese-days` package; a year it does not know yet (the State
 * Council publishes each December) is entered by an evaluation body's admin
 * (the server keeps them and hands them to `setEnteredCalendarYears` on every
 * instance). A year neither knows falls back to weekends only and is reported
 * as unverified.
 */
export interface WorkingDayInfo {
  date: IsoDate;
  working: boolean;
  /** false when the year is outside the holiday data and no override exists: staff must check it. */
  verified: boolean;
  /** Chinese holiday or make-up-day name, when there is one. */
  name?: string;
  source: 'override' | 'calendar' | 'entered' | 'weekend-only';
}

/** One day of a year's arrangement: 元旦, 春节… off, or a weekend day worked (调休上班). */
export interface CalendarDay {
  date: IsoDate;
  name: string;
}

/** A year's arrangement as the State Council published it: the days off, and the weekend days worked in exchange. */
export interface CalendarYearEntry {
  year: number;
  holidays: readonly CalendarDay[];
  workdays: readonly CalendarDay[];
}

/** A year as the calendar knows it: confirmed when the package covers it or an admin entered it. */
export interface CalendarYearView {
  year: number;
  confirmed: boolean;
  source: 'calendar' | 'entered' | 'none';
  holidays: CalendarDay[];
  workdays: CalendarDay[];
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

interface EnteredYear {
  holidays: ReadonlyMap<IsoDate, string>;
  workdays: ReadonlyMap<IsoDate, string>;
}

/** The years admins entered, as this process last read them: every calendar consults them. */
let entered: ReadonlyMap<number, EnteredYear> = new Map();

/** The years entered by admins, replacing those known before (the server calls it at start-up and whenever one is saved, on every instance). */
export function setEnteredCalendarYears(years: readonly CalendarYearEntry[]): void {
  entered = new Map(
    years.map((y) => [y.year, { holidays: new Map(y.holidays.map((d) => [d.date, d.name])), workdays: new Map(y.workdays.map((d) => [d.date, d.name])) }]),
  );
}

/** Whether working days in this year are known rather than guessed: the package covers it, or an admin entered it. */
export function calendarYearConfirmed(year: number): boolean {
  return coveredYears.has(year) || entered.has(year);
}

/** A year's days off and worked weekend days, and where they come from. */
export function calendarYear(year: number): CalendarYearView {
  const listed = (days: Record<string, string> | ReadonlyMap<IsoDate, string>, suffix?: string): CalendarDay[] =>
    (days instanceof Map ? [...days] : Object.entries(days))
      .filter(([date]) => date.startsWith(`${year}-`))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, entry]) => ({ date, name: days instanceof Map ? entry : (nameOf(entry, suffix).name ?? '') }));
  if (coveredYears.has(year))
    return { year, confirmed: true, source: 'calendar', holidays: listed(data.holidays), workdays: listed(data.workdays, '调休上班') };
  const own = entered.get(year);
  if (own) return { year, confirmed: true, source: 'entered', holidays: listed(own.holidays), workdays: listed(own.workdays) };
  return { year, confirmed: false, source: 'none', holidays: [], workdays: [] };
}

export interface WorkingDayCalendar {
  info(date: IsoDate): WorkingDayInfo;
  isWorkingDay(date: IsoDate): boolean;
  /** The nth working day strictly after (n > 0) or before (n < 0) a date. */
  shiftWorkingDays(date: IsoDate, n: number): IsoDate;
  /** The same, and whether every day counted over is known rather than guessed (a year neither the package nor an admin gave). */
  shiftChecked(date: IsoDate, n: number): { date: IsoDate; verified: boolean };
}

export function createWorkingDayCalendar(overrides: WorkingDayOverrides = {}): WorkingDayCalendar {
  function info(date: IsoDate): WorkingDayInfo {
    const override = overrides[date];
    if (override) return { date, working: override.working, verified: true, source: 'override', ...(override.name ? { name: override.name } : {}) };
    const weekend = weekday(date) >= 6;
    const year = parts(date).year;
    if (!calendarCoversYear(year)) {
      const own = entered.get(year);
      if (!own) return { date, working: !weekend, verified: false, source: 'weekend-only' };
      const holiday = own.holidays.get(date);
      if (holiday !== undefined) return { date, working: false, verified: true, source: 'entered', name: holiday };
      const workday = own.workdays.get(date);
      if (workday !== undefined) return { date, working: true, verified: true, source: 'entered', name: workday };
      return { date, working: !weekend, verified: true, source: 'entered' };
    }
    const holiday = data.holidays[date];
    if (holiday !== undefined) return { date, working: false, verified: true, source: 'calendar', ...nameOf(holiday) };
    const makeUp = data.workdays[date];
    if (makeUp !== undefined) return { date, working: true, verified: true, source: 'calendar', ...nameOf(makeUp, '调休上班') };
    return { date, working: !weekend, verified: true, source: 'calendar' };
  }

  function shiftChecked(date: IsoDate, n: number): { date: IsoDate; verified: boolean } {
    if (!Number.isInteger(n) || n === 0) throw new RangeError('shiftWorkingDays needs a non-zero whole number');
    const step = n > 0 ? 1 : -1;
    let remaining = Math.abs(n);
    let cursor = date;
    let verified = true;
    while (remaining > 0) {
      cursor = addDays(cursor, step);
      const day = info(cursor);
      verified &&= day.verified;
      if (day.working) remaining--;
    }
    return { date: cursor, verified };
  }

  return { info, isWorkingDay: (date) => info(date).working, shiftWorkingDays: (date, n) => shiftChecked(date, n).date, shiftChecked };
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

/** The day tickets open and the day results are due for a session, and whether both are counted on known working days. */
export function sessionDeadlines(
  sessionDate: IsoDate,
  calendar: WorkingDayCalendar = defaultCalendar,
): { ticketsFrom: IsoDate; resultsDueBy: IsoDate; datesConfirmed: boolean } {
  const tickets = calendar.shiftChecked(sessionDate, -TICKET_WORKING_DAYS_BEFORE);
  const results = calendar.shiftChecked(sessionDate, RESULTS_DUE_WORKING_DAYS);
  return { ticketsFrom: tickets.date, resultsDueBy: results.date, datesConfirmed: tickets.verified && results.verified };
}

/** Results are due within 20 working days after the candidate's last subject. */
export function resultsDueBy(lastSubjectDate: IsoDate, calendar: WorkingDayCalendar = defaultCalendar): IsoDate {
  return calendar.shiftWorkingDays(lastSubjectDate, RESULTS_DUE_WORKING_DAYS);
}

export const TICKET_WORKING_DAYS_BEFORE = 5;
export const RESULTS_DUE_WORKING_DAYS = 20;

/**
 * What is wrong with a year's arrangement as entered, by field: every date in the year, none twice,
 * none both off and worked, and a worked day on a weekend (a 调休 moves a weekend day). The server
 * refuses what this finds; the staff page shows it as it is typed.
 */
export function calendarYearIssues(year: number, entry: Pick<CalendarYearEntry, 'holidays' | 'workdays'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<IsoDate>();
  const check = (list: 'holidays' | 'workdays', day: CalendarDay, index: number) => {
    const path = `${list}.${index}.date`;
    if (!isIsoDate(day.date)) issues.push({ path, message: '请选择日期' });
    else if (parts(day.date).year !== year) issues.push({ path, message: `日期须在${year}年内` });
    else if (seen.has(day.date)) issues.push({ path, message: '同一天不能录入两次' });
    else if (list === 'workdays' && weekday(day.date) < 6) issues.push({ path, message: '调休上班日应为周六或周日' });
    seen.add(day.date);
  };
  entry.holidays.forEach((day, index) => check('holidays', day, index));
  entry.workdays.forEach((day, index) => check('workdays', day, index));
  return issues;
}
