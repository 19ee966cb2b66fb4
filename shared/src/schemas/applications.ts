import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import type { IsoDate } from '../dates';
import type { ApplicationState } from '../rules/applicationState';
import type { Level } from '../types';
import { applicantFactsSchema, levelSchema } from './index';

/** An individual application: the plan, the level, and the facts the candidate declares. */
export const applicationRequestSchema = z.object({
  planId: z.string({ error: '请选择认定计划' }).check(z.minLength(1, '请选择认定计划'), z.maxLength(32)),
  level: levelSchema,
  facts: applicantFactsSchema,
});
export type ApplicationRequest = output<typeof applicationRequestSchema>;

export interface ApplicationEventView {
  from: ApplicationState | null;
  to: ApplicationState;
  /** Chinese name of the new state, as the timeline shows it. */
  label: string;
  /** ISO instant. */
  at: string;
  by: 'candidate' | 'institution' | 'staff' | 'system';
  note?: string;
}

export interface ApplicationView {
  id: string;
  planId: string;
  level: Level;
  channel: 'individual' | 'group';
  state: ApplicationState;
  stateLabel: string;
  appliedOn: IsoDate;
  /** The window the application was made in: assessed by this date. */
  assessBy?: IsoDate;
  eligibility: { eligible: boolean; satisfied: string[]; reasons: string[] };
  timeline: ApplicationEventView[];
}

export const reviewQuerySchema = z.object({
  planId: z.optional(z.string().check(z.maxLength(32))),
  level: z.optional(levelSchema),
  state: z._default(z.enum(['submitted', 'returned', 'approved', 'rejected', 'withdrawn']), 'submitted'),
});
export type ReviewQuery = output<typeof reviewQuerySchema>;

export const approveSchema = z.object({ note: z.optional(z.string().check(z.maxLength(500, '备注不能超过500字'))) });
export const returnSchema = z.object({
  note: z.string({ error: '请写明需要修改的内容' }).check(z.minLength(2, '请写明需要修改的内容'), z.maxLength(500, '说明不能超过500字')),
});
export const rejectSchema = z.object({
  reason: z.string({ error: '请写明不通过的原因' }).check(z.minLength(2, '请写明不通过的原因'), z.maxLength(500, '原因不能超过500字')),
});
export type ReviewNote = { note?: string };

export interface ReviewItem extends ApplicationView {
  candidate: { name: string; residentIdMasked: string; age: number };
  /** Present once approved: the seat held for the candidate, or absent while on the waiting list. */
  seat?: { sessionId: string; date: IsoDate; site: string; heldUntil: string | null };
}

/** A returned application, corrected: the facts again, checked again. */
export const resubmitSchema = z.object({ facts: applicantFactsSchema });
export type ResubmitRequest = output<typeof resubmitSchema>;
