import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { PREREVIEW_NAMES } from '../../types';
import { applicationState, count, instant, keysOf, level, object, text } from './fields';
import { eligibilityBrief } from './applications';

export const batchMemberViewSchema = object({
  applicationId: text,
  /** The roster row the student came from. */
  row: z.int(),
  name: text,
  residentIdMasked: text,
  phoneMasked: text,
  eligibility: eligibilityBrief,
  prereview: keysOf(PREREVIEW_NAMES),
  prereviewNote: z.optional(text),
  state: applicationState,
  stateLabel: text,
  /** Uploaded files per material id. */
  files: z.record(text, count),
  claimed: z.boolean(),
});
export type BatchMemberView = output<typeof batchMemberViewSchema>;
export const batchViewSchema = object({
  id: text,
  planId: text,
  level,
  name: text,
  state: z.enum(['open', 'submitted']),
  institution: text,
  createdAt: instant,
  submittedAt: z.optional(instant),
  members: z.array(batchMemberViewSchema),
});
export type BatchView = output<typeof batchViewSchema>;
export const cellIssue = object({ row: z.int(), column: text, message: text });
/** What an import did: rows kept, and every refused row with the column and the reason. */
export const rosterReportSchema = object({ accepted: count, issues: z.array(cellIssue), batch: batchViewSchema });
export type RosterReport = output<typeof rosterReportSchema>;
export const bulkApproveResultSchema = object({
  approved: count,
  returned: count,
  rejected: count,
  /** Members that were not waiting for a decision, left as they were. */
  skipped: z.array(object({ applicationId: text, reason: text })),
});
export type BulkApproveResult = output<typeof bulkApproveResultSchema>;
