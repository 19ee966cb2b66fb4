import type { IsoDate } from '../dates';
import type { GradedSubject } from '../rules/results';
import type { Level } from '../types';

/** A candidate's result as they see it once published. */
export interface ResultView {
  subjects: GradedSubject[];
  passed: boolean;
  publishedAt: string;
  /** Passed subjects stay valid through this date (make-up within it). */
  validThrough: IsoDate;
}

export interface ScoreSheetIssue {
  row: number;
  column: string;
  message: string;
}

/** What an import did: all rows or none; the issues by row and column when none. */
export interface ScoreImportReport {
  imported: number;
  issues: ScoreSheetIssue[];
}

/** A session's results as staff see them: each candidate's marks, who entered them, and whether published. */
export interface SessionResultsView {
  session: { id: string; date: IsoDate; site: string };
  published?: { at: string; by: string };
  enteredBy: string[];
  candidates: {
    applicationId: string;
    ticketNo: string;
    name: string;
    level: Level;
    present: boolean;
    subjects: GradedSubject[];
    passed: boolean;
    complete: boolean;
  }[];
}
