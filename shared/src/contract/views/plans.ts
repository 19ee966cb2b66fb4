import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { fen, instant, isoDate, level, levelPriced, majorMatch, object, schoolKind, subjectKind, text, titleGrade } from './fields';

const subject = object({ kind: subjectKind, name: text, feeFen: fen, minutes: z.optional(z.int()), mode: z.optional(text) });
const material = object({
  id: text,
  name: text,
  note: z.optional(text),
  optional: z.optional(z.boolean()),
  requiredFor: z.optional(z.array(text)),
  commitment: z.optional(text),
  shots: z.optional(object({ labels: z.array(text), tip: text })),
});
const anchor = z.discriminatedUnion('kind', [object({ kind: z.literal('certificate'), level }), object({ kind: z.literal('title'), grade: titleGrade })]);
const requirement = z.discriminatedUnion('kind', [
  object({ kind: z.literal('intends-to-work') }),
  object({ kind: z.literal('currently-working') }),
  object({ kind: z.literal('work'), measure: z.enum(['cumulative', 'continuous']), years: z.number(), after: z.optional(anchor) }),
  object({ kind: z.literal('certificate'), level, heldYears: z.optional(z.number()) }),
  object({
    kind: z.literal('diploma'),
    schools: z.array(schoolKind),
    majors: z.array(majorMatch),
    finalYearCounts: z.boolean(),
    evaluated: z.optional(z.boolean()),
  }),
  object({ kind: z.literal('title'), grade: titleGrade }),
  object({ kind: z.literal('training'), forLevel: level }),
  object({ kind: z.literal('technician-class-student') }),
]);
const clause = object({ id: text, text, requires: z.array(requirement) });
const notice = object({ title: text, intro: z.optional(text), items: z.array(text) });

/** A rule pack on the wire: the `Plan` type of `plans/types.ts` (the compiler holds the two equal). */
export const planSchema = object({
  id: text,
  title: text,
  publishedOn: isoDate,
  year: z.int(),
  body: object({ id: text, name: text, shortName: text, city: text }),
  occupation: object({ name: text, code: text }),
  standard: object({
    id: text,
    name: text,
    minimumAge: z.int(),
    counts: z.enum(['same-or-related', 'same-only']),
    clauses: z.partialRecord(level, z.array(clause)),
  }),
  levels: z.array(object({ level, name: text, title: z.optional(text), offered: z.boolean(), subjects: z.array(subject), materials: z.array(material) })),
  schedule: z.discriminatedUnion('kind', [
    object({
      kind: z.literal('monthly'),
      windows: z.array(object({ applyMonth: z.int(), assessBy: z.enum(['end-of-next-month', 'end-of-same-month']), label: text })),
      notes: z.array(text),
    }),
    object({ kind: z.literal('batches'), batches: z.array(object({ assessOn: isoDate, closesOn: isoDate, level })), notes: z.array(text) }),
  ]),
  assessment: object({ sameDay: z.boolean(), site: z.optional(object({ name: text, address: text })), notes: z.array(text) }),
  passMark: z.number(),
  results: object({ validYears: z.int(), lookup: z.array(text) }),
  ticket: object({ channels: z.array(text), bring: z.optional(text) }),
  makeup: object({ perSubject: z.boolean(), competitionFailureAllowed: z.boolean(), notes: z.array(text) }),
  payment: object({
    channels: z.array(z.enum(['wechat', 'bank'])),
    paidTimeRule: z.optional(text),
    bank: z.optional(object({ accountName: text, accountNumber: text, bankName: text, remarkTemplate: text })),
  }),
  declaration: object({ group: z.optional(text), individual: z.optional(text) }),
  collection: object({ group: z.optional(text), individual: z.optional(text) }),
  acceptancePoint: z.optional(
    object({
      address: text,
      hours: z.array(object({ from: text, to: text })),
      note: text,
      visits: z.optional(object({ minutes: z.int(), capacity: z.int(), daysAhead: z.int() })),
    }),
  ),
  contacts: z.array(object({ label: text, kind: z.enum(['phone', 'email', 'web', 'wechat']), value: text, hours: z.optional(text) })),
  notices: z.array(notice),
});

const planSummaryFields = {
  id: text,
  title: text,
  year: z.int(),
  body: planSchema.shape.body,
  occupation: planSchema.shape.occupation,
  /** Offered levels only, with the full fee in fen. */
  levels: z.array(levelPriced),
};
export const planSummarySchema = object(planSummaryFields);
export type PlanSummary = output<typeof planSummarySchema>;
export const planDetailSchema = object({
  ...planSummaryFields,
  plan: planSchema,
  /** Whether the acceptance point is open, on the server's clock; absent when the plan has none. */
  acceptancePoint: z.optional(object({ open: z.boolean(), label: text, verified: z.boolean() })),
});
export type PlanDetail = output<typeof planDetailSchema>;

const clauseVerdict = object({ id: text, label: text, text, satisfied: z.boolean(), missing: z.array(text), progress: z.number() });
export const eligibilityResultSchema = object({
  eligible: z.boolean(),
  satisfied: z.array(text),
  reasons: z.array(text),
  age: z.int(),
  clauses: z.array(clauseVerdict),
});
/** Results are dated: `on` is the Shanghai date the rule was evaluated for. */
export const eligibilityResponseSchema = object({ ...eligibilityResultSchema.shape, on: isoDate });
export type EligibilityResponse = output<typeof eligibilityResponseSchema>;
export const applicationWindowSchema = object({
  open: z.boolean(),
  closesOn: z.optional(isoDate),
  assessBy: z.optional(isoDate),
  nextOpensOn: z.optional(isoDate),
  note: z.optional(text),
  assessLabel: z.optional(text),
});
export const windowResponseSchema = object({ ...applicationWindowSchema.shape, on: isoDate });
export type WindowResponse = output<typeof windowResponseSchema>;

const planStatus = z.enum(['draft', 'published', 'ended']);

/** A plan as the body's admins list it: candidates see the published revision; `editing` when a next one is being prepared. */
export const staffPlanSummarySchema = object({
  id: text,
  title: text,
  year: z.int(),
  status: planStatus,
  revision: z.int(),
  editing: z.boolean(),
});
export type StaffPlanSummary = output<typeof staffPlanSummarySchema>;

/** A plan as its admins edit it: the revision being prepared (or the published one), the notice it quotes, and who did what. */
export const staffPlanViewSchema = object({
  ...staffPlanSummarySchema.shape,
  plan: planSchema,
  notice: z.optional(text),
  history: z.array(object({ revision: z.int(), action: z.enum(['cloned', 'edited', 'notice', 'published']), by: text, at: instant })),
});
export type StaffPlanView = output<typeof staffPlanViewSchema>;
