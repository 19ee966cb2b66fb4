import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import type { IsoDate } from '../dates';
import type { Level } from '../types';

/** A ticket number as printed and as the proctor types it: the session date and a running number. */
export const ticketNoSchema = z
  .pipe(
    z.string({ error: '请输入准考证号' }),
    z.transform((s) => s.replace(/\s+/g, '')),
  )
  .check(z.regex(/^\d{10}$/, '准考证号为10位数字'));

export const checkInSchema = z.object({ ticketNo: ticketNoSchema });
export type CheckInRequest = output<typeof checkInSchema>;

/** Who is in front of the proctor: enough to compare with the person and their ID card, nothing more. */
export interface CandidateAtDoor {
  ticketNo: string;
  applicationId: string;
  name: string;
  residentIdMasked: string;
  level: Level;
  levelName: string;
  /** The ID card photo from the application, to compare with the face at the door. */
  photoUrl?: string;
  /** ISO instant, when already checked in. */
  checkedInAt?: string;
}

/** One session on exam day: who has come, who has not. */
export interface AttendanceView {
  session: { id: string; date: IsoDate; site: string; levels: Level[] };
  seats: number;
  present: number;
  absent: number;
  candidates: (Omit<CandidateAtDoor, 'photoUrl'> & { present: boolean })[];
}

/** The body's next session after today: what a proctor with nothing today is told. */
export interface NextExamDayView {
  next?: { date: string; site: string };
}

export interface ExamDaySessionView {
  id: string;
  date: IsoDate;
  site: string;
  levels: Level[];
  seats: number;
  present: number;
}
