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
