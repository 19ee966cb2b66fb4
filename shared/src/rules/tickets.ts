import { addDays, formatChineseDate, shanghaiMidnight, type IsoDate } from '../dates';
import { getPlan, planLevel } from '../plans';
import type { Level, SubjectKind } from '../types';
import { ticketAvailableFrom, type WorkingDayCalendar } from './calendar';

/** One subject on the ticket: when it starts and, where the plan says how long it lasts, when it ends. */
export interface TicketSubject {
  kind: SubjectKind;
  name: string;
  startsAt: string;
  endsAt?: string;
  mode?: string;
}

/** The admission ticket (准考证) as the candidate sees it, in the app and on paper. */
export interface TicketView {
  ticketNo: string;
  name: string;
  residentIdMasked: string;
  planId: string;
  level: Level;
  levelName: string;
  body: string;
  session: { date: IsoDate; site: string; address?: string };
  subjects: TicketSubject[];
  notices: string[];
  /** A photo the candidate uploaded (their ID card's), as an address the app can show. */
  photoUrl?: string;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * What the ticket tells its holder, all in the notice's own words (SPEC §8): what to bring, how the
 * day runs, then each of the plan's notices (须知) in full, headed by its title. Nothing is added —
 * no arrival time the documents do not give.
 */
export function ticketNotices(planId: string): string[] {
  const plan = getPlan(planId);
  return [
    ...(plan.ticket.bring ? [`${plan.ticket.bring}。`] : []),
    ...plan.assessment.notes,
    ...plan.notices.flatMap((notice) => [notice.title, ...(notice.intro ? [notice.intro] : []), ...notice.items]),
  ];
}

/** The subjects sat at one sitting: a make-up's own (`only`), otherwise every subject of the level. */
export function sittingSubjects(planId: string, level: Level, only?: readonly SubjectKind[] | null) {
  return planLevel(planId, level).subjects.filter((s) => !only || only.includes(s.kind));
}

/** The day's timetable: each subject sat, at its session time, with an end where the plan gives minutes. */
export function ticketSubjects(
  planId: string,
  level: Level,
  times: { theoryAt: string; practicalAt: string },
  only?: readonly SubjectKind[] | null,
): TicketSubject[] {
  return sittingSubjects(planId, level, only).map((subject) => {
    const startsAt = subject.kind === 'theory' ? times.theoryAt : times.practicalAt;
    return {
      kind: subject.kind,
      name: subject.name,
      startsAt,
      ...(subject.minutes ? { endsAt: hhmm(minutesOf(startsAt) + subject.minutes) } : {}),
      ...(subject.mode ? { mode: subject.mode } : {}),
    };
  });
}

/**
 * Whether the ticket can be had on `today` (Shanghai date): from 00:00 of the
 * 5th working day before the session. When not yet, the day it opens, for the message.
 */
export function ticketOpen(
  sessionDate: IsoDate,
  today: IsoDate,
  calendar?: WorkingDayCalendar,
): { open: true } | { open: false; opensOn: IsoDate; message: string } {
  const opensOn = ticketAvailableFrom(sessionDate, calendar);
  if (today >= opensOn) return { open: true };
  return { open: false, opensOn, message: `准考证将于${formatChineseDate(opensOn)} 00:00 开放下载` };
}

/** Sessions whose tickets may be open on `today`: no session more than this many days ahead can be (5 working days ≤ 3 weeks with holidays). */
export function ticketHorizon(today: IsoDate): IsoDate {
  return addDays(today, 21);
}

/** What the ticket says, line by line, the same on the phone and on paper. */
export function ticketLines(ticket: TicketView): [label: string, value: string][] {
  return [
    ['准考证号', ticket.ticketNo],
    ['姓名', ticket.name],
    ['身份证号', ticket.residentIdMasked],
    ['职业（等级）', ticket.levelName],
    ['考核日期', formatChineseDate(ticket.session.date)],
    ['考点', ticket.session.site],
    ...(ticket.session.address && ticket.session.address !== ticket.session.site ? [['地址', ticket.session.address] as [string, string]] : []),
  ];
}

/** What a session's timing rules need to know of it. */
export interface SessionTimes {
  planId: string;
  date: IsoDate;
  levels: readonly Level[];
  theoryAt: string;
  practicalAt: string;
}

/**
 * The instant a session's last subject ends, over every level it seats. A subject
 * whose length the plan does not state (the documents give none for Shanghai)
 * runs to the end of its day. Results may be published only after it.
 */
export function sessionEndsAt(session: SessionTimes): Date {
  const dayStart = shanghaiMidnight(session.date).getTime();
  const ends = session.levels.flatMap((level) =>
    ticketSubjects(session.planId, level, session).map((s) => (s.endsAt && minutesOf(s.endsAt) > minutesOf(s.startsAt) ? minutesOf(s.endsAt) : 24 * 60)),
  );
  return new Date(dayStart + Math.max(0, ...ends) * 60_000);
}

/** The instant a session's first subject starts: from then on it seats nobody new. */
export function sessionStartsAt(session: SessionTimes): Date {
  const starts = session.levels.flatMap((level) => ticketSubjects(session.planId, level, session).map((s) => minutesOf(s.startsAt)));
  return new Date(shanghaiMidnight(session.date).getTime() + Math.min(24 * 60, ...starts) * 60_000);
}
