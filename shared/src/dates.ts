/**
 * Calendar-date arithmetic on 'YYYY-MM-DD' strings. Rules speak in Shanghai
 * calendar dates, so these helpers never touch a time zone: a date is a day
 * number, computed through UTC so no host offset or DST can shift it.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Asia/Shanghai has had no daylight saving since 1991: a fixed UTC+8. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function parts(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function fromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Days since 1970-01-01 — the one representation all arithmetic goes through. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parts(date);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** b − a in days (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Same month and day `years` later; 29 February falls back to 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = parts(date);
  const target = year + years;
  return fromParts(target, month, Math.min(day, daysInMonth(target, month)));
}

export function endOfMonth(year: number, month: number): IsoDate {
  return fromParts(year, month, daysInMonth(year, month));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  const dow = new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** The Shanghai calendar date of an instant. The caller owns the clock. */
export function shanghaiDate(instant: Date): IsoDate {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return fromParts(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** Minutes past Shanghai midnight of an instant. */
export function shanghaiMinuteOfDay(instant: Date): number {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** '08:41': the Shanghai wall-clock time of an instant. */
export function shanghaiClock(instant: Date): string {
  const minutes = shanghaiMinuteOfDay(instant);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The UTC instant of 00:00 Asia/Shanghai on a calendar date. */
export function shanghaiMidnight(date: IsoDate): Date {
  return new Date(toDayNumber(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/** '2026年3月27日' — how dates are written to candidates. */
export function formatChineseDate(date: IsoDate): string {
  const { year, month, day } = parts(date);
  return `${year}年${month}月${day}日`;
}

/** '3年120天' for a day count, with the 365-day years the eligibility rules use. */
export function formatDuration(days: number): string {
  const years = Math.floor(days / 365);
  const rest = days % 365;
  if (years === 0) return `${rest}天`;
  return rest === 0 ? `${years}年` : `${years}年${rest}天`;
}
