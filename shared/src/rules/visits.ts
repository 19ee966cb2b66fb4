import { addDays, shanghaiDate, shanghaiMidnight, type IsoDate } from '../dates';
import { getPlan } from '../plans';
import { AWAITING_VERDICT_STATES, type ApplicationState } from './applicationState';
import { createWorkingDayCalendar, type WorkingDayCalendar } from './calendar';

/**
 * Visits to the acceptance point, where an individual applicant shows the ID
 * original: slots of the plan's length inside the opening hours, on working days only.
 */
export interface VisitSlot {
  /** UTC instant the slot starts. */
  startsAt: string;
  date: IsoDate;
  /** '09:00-09:30', Shanghai time. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export function visitsRequired(planId: string): boolean {
  return getPlan(planId).acceptancePoint?.visits !== undefined;
}

/** Whether this application's counter visit can be booked now: an individual's, on a plan with a counter, before the verdict. */
export function visitBookable(application: { planId: string; channel: 'individual' | 'group'; state: ApplicationState }): boolean {
  return application.channel === 'individual' && visitsRequired(application.planId) && AWAITING_VERDICT_STATES.includes(application.state);
}

/** The slots of one day; none on a day the point is closed. */
export function visitSlotsOn(planId: string, date: IsoDate, calendar: WorkingDayCalendar = createWorkingDayCalendar()): VisitSlot[] {
  const point = getPlan(planId).acceptancePoint;
  if (!point?.visits || !calendar.isWorkingDay(date)) return [];
  const midnight = shanghaiMidnight(date).getTime();
  const slots: VisitSlot[] = [];
  for (const hours of point.hours) {
    for (let start = minutesOf(hours.from); start + point.visits.minutes <= minutesOf(hours.to); start += point.visits.minutes) {
      slots.push({ startsAt: new Date(midnight + start * 60_000).toISOString(), date, label: `${clock(start)}-${clock(start + point.visits.minutes)}` });
    }
  }
  return slots;
}

/** The slots a person may book now: not yet begun, within the plan's days ahead. */
export function bookableVisitSlots(planId: string, now: Date, calendar: WorkingDayCalendar = createWorkingDayCalendar()): VisitSlot[] {
  const visits = getPlan(planId).acceptancePoint?.visits;
  if (!visits) return [];
  const today = shanghaiDate(now);
  const slots: VisitSlot[] = [];
  for (let day = 0; day <= visits.daysAhead; day++) {
    for (const slot of visitSlotsOn(planId, addDays(today, day), calendar)) {
      if (new Date(slot.startsAt).getTime() > now.getTime()) slots.push(slot);
    }
  }
  return slots;
}

/** The slot starting at an instant, if it is one a person may book now. */
export function findBookableSlot(planId: string, startsAt: string, now: Date, calendar?: WorkingDayCalendar): VisitSlot | undefined {
  const wanted = new Date(startsAt);
  if (Number.isNaN(wanted.getTime())) return undefined;
  return bookableVisitSlots(planId, now, calendar).find((s) => s.startsAt === wanted.toISOString());
}

/** '3月12日 09:00-09:30' */
export function formatVisitSlot(slot: Pick<VisitSlot, 'date' | 'label'>): string {
  const [, month, day] = slot.date.split('-').map(Number);
  return `${month}月${day}日 ${slot.label}`;
}

/** The slot a booking starts at, described as the app shows it. */
export function visitSlotAt(planId: string, startsAt: Date): VisitSlot {
  const minutes = getPlan(planId).acceptancePoint?.visits?.minutes ?? 30;
  const date = shanghaiDate(startsAt);
  const start = Math.round((startsAt.getTime() - shanghaiMidnight(date).getTime()) / 60_000);
  return { startsAt: startsAt.toISOString(), date, label: `${clock(start)}-${clock(start + minutes)}` };
}
