import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { COLLECTION_NAMES } from '../../types';
import {
  applicationState,
  count,
  fen,
  instant,
  isoDate,
  keysOf,
  level,
  majorMatch,
  object,
  occupationMatch,
  schoolKind,
  subjectKind,
  text,
  titleGrade,
} from './fields';

export const eligibilityBrief = object({ eligible: z.boolean(), satisfied: z.array(text), reasons: z.array(text) });
const facts = object({
  birthDate: isoDate,
  intendsToWork: z.optional(z.boolean()),
  work: z.array(object({ from: isoDate, to: z.optional(isoDate), occupation: occupationMatch })),
  certificates: z.array(object({ level, occupation: occupationMatch, issuedOn: isoDate })),
  diplomas: z.array(
    object({
      school: schoolKind,
      major: majorMatch,
      graduatedOn: z.optional(isoDate),
      finalYear: z.optional(z.boolean()),
      evaluated: z.optional(z.boolean()),
    }),
  ),
  titles: z.array(object({ grade: titleGrade, matchesMajor: z.boolean(), obtainedOn: isoDate })),
  trainings: z.array(object({ forLevel: level, completedOn: isoDate })),
  technicianClassStudent: z.optional(z.boolean()),
});

export const uploadedFileViewSchema = object({
  id: text,
  type: text,
  bytes: count,
  /** Signed link, valid for an hour: what an <Image> loads. */
  url: text,
});
export type UploadedFileView = output<typeof uploadedFileViewSchema>;
const materialView = object({
  materialId: text,
  name: text,
  files: z.array(uploadedFileViewSchema),
  /** The named sides of a card not photographed (an ID card's 国徽面): the reviewer checks them on the original. */
  sidesMissing: z.optional(z.array(text)),
});
export type MaterialView = output<typeof materialView>;
const commitmentView = object({ materialId: text, name: text, signedName: text, signedAt: instant });
export type CommitmentView = output<typeof commitmentView>;
const correctionItem = object({ item: text, label: text, note: text });
/** One thing to correct: 'facts', or a material id. */
export type CorrectionItem = output<typeof correctionItem>;
const visitView = object({
  startsAt: instant,
  date: isoDate,
  label: text,
  /** Short code the counter types or scans (the QR code carries it). */
  code: text,
});
export type VisitView = output<typeof visitView>;
const applicationEventView = object({
  from: z.nullable(applicationState),
  to: applicationState,
  /** Chinese name of the new state, as the timeline shows it. */
  label: text,
  at: instant,
  by: z.enum(['candidate', 'institution', 'staff', 'system']),
  note: z.optional(text),
});
export type ApplicationEventView = output<typeof applicationEventView>;
const paymentReceipt = object({
  channel: z.enum(['wechat', 'bank']),
  amountFen: fen,
  /** When the money arrived (WeChat's success time; for transfers, the bank's). */
  paidAt: instant,
  /** Our order number: what the candidate quotes when asking about the payment. */
  reference: text,
  /** The school paid for its whole class (one order): its name. */
  paidByInstitution: z.optional(text),
  /** The body cancelled the application: the money on its way back, or back. */
  refund: z.optional(object({ state: z.enum(['pending', 'refunded']), at: z.optional(instant) })),
});
export type PaymentReceipt = output<typeof paymentReceipt>;
export const makeupOptionsSchema = object({
  allowed: z.boolean(),
  subjects: z.array(subjectKind),
  fee: fen,
  validThrough: isoDate,
  planId: z.optional(text),
  reason: z.optional(text),
});
export const gradedSubject = object({ kind: subjectKind, name: text, score: z.optional(z.number()), passed: z.boolean(), note: z.optional(text) });
export const gradedSubjectSchema = gradedSubject;
const resultView = object({
  subjects: z.array(gradedSubject),
  passed: z.boolean(),
  publishedAt: instant,
  /** Passed subjects stay valid through this date (make-up within it). */
  validThrough: isoDate,
});
export type ResultView = output<typeof resultView>;

export const certificateViewSchema = object({
  id: text,
  number: text,
  holderName: text,
  occupation: text,
  level,
  levelName: text,
  issuedOn: isoDate,
  body: text,
  status: z.enum(['valid', 'revoked']),
  revokedOn: z.optional(isoDate),
  revokeReason: z.optional(text),
  collection: object({
    method: keysOf(COLLECTION_NAMES),
    address: z.optional(text),
    handedOverAt: z.optional(instant),
    trackingNo: z.optional(text),
  }),
});
export type CertificateView = output<typeof certificateViewSchema>;
/** What anyone may learn by number and name: enough to catch an edited PDF, the name only partly shown. */
export const certificateVerificationSchema = object({
  number: text,
  holderMasked: text,
  occupation: text,
  levelName: text,
  issuedOn: isoDate,
  body: text,
  status: z.enum(['valid', 'revoked']),
  revokedOn: z.optional(isoDate),
});
export type CertificateVerification = output<typeof certificateVerificationSchema>;
export const revokedCertificatesSchema = object({ revoked: z.array(text), notFound: z.array(text) });

const applicationFields = {
  id: text,
  planId: text,
  level,
  channel: z.enum(['individual', 'group']),
  state: applicationState,
  stateLabel: text,
  appliedOn: isoDate,
  /** The window the application was made in: assessed by this date. */
  assessBy: z.optional(isoDate),
  eligibility: eligibilityBrief,
  /** The facts as declared — a returned application is corrected from these. */
  facts,
  materials: z.array(materialView),
  commitments: z.array(commitmentView),
  /** What the reviewer asked to correct, per item, while the application is returned. */
  corrections: z.array(correctionItem),
  /** The fee for the level, in fen (SPEC §5). */
  feeFen: fen,
  /** Present once approved: the seat held for the candidate; absent while on the waiting list. */
  seat: z.optional(object({ sessionId: text, date: isoDate, site: text, heldUntil: z.nullable(instant) })),
  /** Shanghai individuals: the booked visit to show the ID original. */
  visit: z.optional(visitView),
  /** Declared by a school: the batch it came in, as reviewers see it listed. */
  batch: z.optional(object({ id: text, name: text, institution: text })),
  /** The fee once paid: the receipt. */
  payment: z.optional(paymentReceipt),
  /** A make-up (补考): the sitting it makes up for, and the subjects it covers. */
  makeupOf: z.optional(text),
  subjects: z.optional(z.array(subjectKind)),
  /** Assessed with a failed subject: whether a make-up is possible, for which subjects, at what fee, until when. */
  makeup: z.optional(makeupOptionsSchema),
  /** The certificate, once every subject of the level is passed. */
  certificate: z.optional(certificateViewSchema),
  /** Published results of the sitting: each subject, pass or fail, and why a subject failed without a score. */
  result: z.optional(resultView),
  /** Sat, results not yet published: the day they are due (20 working days after the last subject). */
  resultsDueBy: z.optional(isoDate),
  /** The candidate said they transferred the fee (我已转账), and from whose account: finance matches on that name too. */
  transferNotice: z.optional(object({ payer: text, at: instant })),
  /** The candidate finished paying in WeChat and WeChat's confirmation has not arrived yet (支付结果确认中). */
  paying: z.optional(z.boolean()),
  timeline: z.array(applicationEventView),
};
export const applicationViewSchema = object(applicationFields);
export type ApplicationView = output<typeof applicationViewSchema>;
export const reviewItemSchema = object({ ...applicationFields, candidate: object({ name: text, residentIdMasked: text, age: z.int() }) });
export type ReviewItem = output<typeof reviewItemSchema>;

/** What stands in the way of any application, said before the form is filled: a running misconduct ban. */
export const applicantStandingSchema = object({
  /** The last day of a ban still running (any plan, any body). */
  bannedThrough: z.optional(isoDate),
  /** Chinese, for the candidate. */
  message: z.optional(text),
});
export type ApplicantStanding = output<typeof applicantStandingSchema>;

/** A bookable visit slot with the places left in it. */
export const visitSlotViewSchema = object({ startsAt: instant, date: isoDate, label: text, left: count });
export type VisitSlotView = output<typeof visitSlotViewSchema>;

/** One audited change, as admins read the trail. */
export const auditEntryViewSchema = object({
  at: instant,
  applicationId: text,
  applicant: text,
  from: z.nullable(applicationState),
  to: applicationState,
  /** '李审核（reviewer.li）', '系统', '陈同学（考生）' */
  by: text,
  note: z.optional(text),
  corrections: z.optional(z.array(correctionItem)),
});
export type AuditEntryView = output<typeof auditEntryViewSchema>;
export const residentIdRevealSchema = object({ residentId: text });
