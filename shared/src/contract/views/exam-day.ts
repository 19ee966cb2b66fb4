import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { count, instant, isoDate, level, object, subjectKind, text } from './fields';
import { gradedSubject } from './applications';
import { cellIssue } from './institutions';

export const examSessionViewSchema = object({
  id: text,
  planId: text,
  date: isoDate,
  site: text,
  levels: z.array(level),
  capacity: count,
  seatsLeft: z.int(),
  theoryAt: text,
  practicalAt: text,
  /** Counted in working days from the session: tickets open 5 before, results are due 20 after. */
  ticketsFrom: isoDate,
  resultsDueBy: isoDate,
  /** False when either count runs through a year whose holidays nobody has entered yet: staff are told to enter them. */
  datesConfirmed: z.boolean(),
});
export type ExamSessionView = output<typeof examSessionViewSchema>;

const candidateAtDoorFields = {
  ticketNo: text,
  applicationId: text,
  name: text,
  residentIdMasked: text,
  level,
  levelName: text,
  /** When already checked in. */
  checkedInAt: z.optional(instant),
};
/** Who is in front of the proctor: enough to compare with the person and their ID card, nothing more. */
export const candidateAtDoorSchema = object({
  ...candidateAtDoorFields,
  /** The ID card photo from the application, to compare with the face at the door. */
  photoUrl: z.optional(text),
});
export type CandidateAtDoor = output<typeof candidateAtDoorSchema>;
/** One session on exam day: who has come, who has not. */
export const attendanceViewSchema = object({
  session: object({ id: text, date: isoDate, site: text, levels: z.array(level) }),
  seats: count,
  present: count,
  absent: count,
  candidates: z.array(object({ ...candidateAtDoorFields, present: z.boolean() })),
});
export type AttendanceView = output<typeof attendanceViewSchema>;
/** The body's next session after today: what a proctor with nothing today is told. */
export const nextExamDayViewSchema = object({ next: z.optional(object({ date: isoDate, site: text })) });
export type NextExamDayView = output<typeof nextExamDayViewSchema>;
export const examDaySessionViewSchema = object({ id: text, date: isoDate, site: text, levels: z.array(level), seats: count, present: count });
export type ExamDaySessionView = output<typeof examDaySessionViewSchema>;

/** A session's results as staff see them: each candidate's marks, who entered them, and whether published. */
export const sessionResultsViewSchema = object({
  session: object({ id: text, date: isoDate, site: text }),
  published: z.optional(object({ at: instant, by: text })),
  enteredBy: z.array(text),
  candidates: z.array(
    object({
      applicationId: text,
      ticketNo: text,
      name: text,
      level,
      present: z.boolean(),
      subjects: z.array(gradedSubject),
      passed: z.boolean(),
      complete: z.boolean(),
    }),
  ),
});
export type SessionResultsView = output<typeof sessionResultsViewSchema>;
/** What an import did: all rows or none; the issues by row and column when none. */
export const scoreImportReportSchema = object({ imported: count, issues: z.array(cellIssue) });
export type ScoreImportReport = output<typeof scoreImportReportSchema>;

export const misconductViewSchema = object({
  id: text,
  applicationId: text,
  name: text,
  article: z.literal([1, 2, 3, 4]),
  act: text,
  subject: z.optional(subjectKind),
  severity: z.optional(z.enum(['minor', 'serious'])),
  note: text,
  occurredOn: isoDate,
  penalty: text,
  bannedThrough: z.optional(isoDate),
  recordedBy: text,
  recordedAt: instant,
});
export type MisconductView = output<typeof misconductViewSchema>;
