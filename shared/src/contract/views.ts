import * as z from 'zod/mini';
import type { output } from 'zod/v4/core';
import { ERROR_CODES } from '../error-messages';
import { APPLICATION_STATES } from '../rules/applicationState';
import { STATEMENT_FIELD_NAMES } from '../rules/bankStatement';
import { MAJOR_NAMES, TITLE_NAMES } from '../rules/eligibility';
import {
  COLLECTION_NAMES,
  LEVELS,
  PREREVIEW_NAMES,
  SCHOOL_KINDS,
  STAFF_ROLES,
  SUBJECT_KINDS,
  SUBSCRIPTION_KINDS,
  type SchoolKind,
  type SubjectKind,
} from '../types';

/**
 * What the server answers, as schemas: the OpenAPI document is generated from these, the server's
 * tests check every answer against them, and the app's development build checks what it receives.
 * Objects are strict — a field the contract does not name is a failure, not a surprise for the app.
 *
 * Kept apart from the request schemas on purpose: the mini program imports this module only as types
 * (and in development builds), so none of it weighs on the phone's main package.
 */
const object = z.strictObject;
const text = z.string();
const instant = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const fen = z.int();
const count = z.int().check(z.minimum(0));
const level = z.literal(LEVELS);
/** The values the shared rules name, as an enum: one list, never retyped here. */
const keysOf = <K extends string>(names: Record<K, string>) => z.enum(Object.keys(names) as [K, ...K[]]);
const titleGrade = keysOf(TITLE_NAMES);
const majorMatch = keysOf(MAJOR_NAMES);
const subjectKind = z.enum(SUBJECT_KINDS as [SubjectKind, ...SubjectKind[]]);
const schoolKind = z.enum(SCHOOL_KINDS as [SchoolKind, ...SchoolKind[]]);
const applicationState = z.enum(APPLICATION_STATES);
const occupationMatch = z.enum(['same', 'related']);
const levelPriced = object({ level, name: text, title: z.optional(text), feeFen: fen });

/** Every refusal: a stable code, a Chinese message to show as it is, and per-field issues for a form. */
export const errorBodySchema = object({
  code: z.enum(ERROR_CODES),
  message: text,
  issues: z.optional(z.array(object({ path: text, message: text }))),
});

// ——— plans ———

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

// ——— identity and sessions ———

export const meResponseSchema = object({
  userId: text,
  profile: z.optional(
    object({
      name: text,
      residentIdMasked: text,
      birthDate: isoDate,
      sex: z.enum(['male', 'female']),
      phone: z.optional(text),
      email: z.optional(text),
    }),
  ),
});
export type MeResponse = output<typeof meResponseSchema>;
export const sessionResponseSchema = object({ token: text, expiresAt: instant, me: meResponseSchema });
export type SessionResponse = output<typeof sessionResponseSchema>;
export const renewedSessionSchema = object({ token: text, expiresAt: instant });
/** A one-time code from the fake WeChat, for the demo and the tests' sign-in. */
export const demoCodeSchema = object({ code: text });

export const staffProfileSchema = object({
  id: text,
  username: text,
  displayName: text,
  bodyId: text,
  kind: z.enum(['staff', 'institution']),
  roles: z.array(z.enum(STAFF_ROLES)),
  institution: z.optional(object({ id: text, name: text })),
  /** Stopped by an admin: signs in no more, its sessions ended. */
  disabled: z.optional(z.literal(true)),
  /** Given a temporary password by an admin: sets their own before anything else. */
  mustChangePassword: z.optional(z.literal(true)),
});
export type StaffProfile = output<typeof staffProfileSchema>;
export const staffSessionResponseSchema = object({ token: text, expiresAt: instant, staff: staffProfileSchema });
export type StaffSessionResponse = output<typeof staffSessionResponseSchema>;
export const revokedSessionsSchema = object({ revoked: count });

export const subscriptionsViewSchema = object({
  templates: z.array(object({ kind: z.enum(SUBSCRIPTION_KINDS), templateId: text, title: text })),
  /** Messages the candidate has allowed and not yet received, per kind. */
  credits: z.record(z.enum(SUBSCRIPTION_KINDS), count),
});
export type SubscriptionsView = output<typeof subscriptionsViewSchema>;

export const healthSchema = object({
  status: z.enum(['ok', 'degraded']),
  database: object({ kind: text, ok: z.boolean(), latencyMs: z.optional(z.number()) }),
  /** Where the throttles are shared (with several instances); away, each instance counts its own. */
  redis: z.optional(object({ ok: z.boolean() })),
});

// ——— applications ———

const eligibilityBrief = object({ eligible: z.boolean(), satisfied: z.array(text), reasons: z.array(text) });
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
  reason: z.optional(text),
});
const gradedSubject = object({ kind: subjectKind, name: text, score: z.optional(z.number()), passed: z.boolean(), note: z.optional(text) });
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

// ——— tickets, payments ———

const ticketSubject = object({ kind: subjectKind, name: text, startsAt: text, endsAt: z.optional(text), mode: z.optional(text) });
/** The admission ticket (准考证): the `TicketView` of rules/tickets.ts. */
export const ticketViewSchema = object({
  ticketNo: text,
  name: text,
  residentIdMasked: text,
  planId: text,
  level,
  levelName: text,
  body: text,
  session: object({ date: isoDate, site: text, address: z.optional(text) }),
  subjects: z.array(ticketSubject),
  notices: z.array(text),
  /** A photo the candidate uploaded (their ID card's), as an address the app can show. */
  photoUrl: z.optional(text),
});

/** What the app hands to requestPayment: signed by the server with the merchant key. */
export const wechatPaymentStartSchema = object({
  outTradeNo: text,
  amountFen: fen,
  /** The order closes with the seat's payment deadline. */
  expiresAt: instant,
  params: object({ timeStamp: text, nonceStr: text, package: text, signType: z.literal('RSA'), paySign: text }),
});
export type WechatPaymentStart = output<typeof wechatPaymentStartSchema>;

/**
 * A school's fee for its class: who is due (approved, seat held), the total, the earliest deadline,
 * and the WeChat Pay order for it, if one is open — its code is what the school's payer scans.
 */
export const batchPaymentViewSchema = object({
  due: z.array(object({ applicationId: text, name: text, feeFen: fen, deadline: instant })),
  dueFen: fen,
  /** The first member's seat goes at this moment if unpaid. */
  deadline: z.optional(instant),
  paid: count,
  order: z.optional(object({ outTradeNo: text, amountFen: fen, expiresAt: instant, codeUrl: text, members: count })),
});
export type BatchPaymentView = output<typeof batchPaymentViewSchema>;

// ——— finance ———

const creditStatus = z.enum(['confirmed', 'review', 'unmatched', 'ignored']);
/** One statement credit as finance sees it, with the applications it might pay. */
export const bankCreditViewSchema = object({
  id: text,
  receivedAt: instant,
  amountFen: fen,
  payer: text,
  remark: text,
  status: creditStatus,
  reason: z.optional(text),
  candidates: z.array(object({ applicationId: text, name: text, residentIdMasked: text, level })),
  applicationId: z.optional(text),
});
export type BankCreditView = output<typeof bankCreditViewSchema>;
/**
 * Money the body must give back, in finance's list: a fee paid twice, money for an application that had
 * ended or that the body cancelled, or money that fits no fee. WeChat's goes back through WeChat Pay on
 * its own; a transfer is sent back by finance to the account it came from, who then marks it done.
 */
export const refundItemViewSchema = object({
  paymentId: text,
  applicationId: z.optional(text),
  name: text,
  residentIdMasked: text,
  level: z.optional(level),
  channel: z.enum(['wechat', 'bank']),
  amountFen: fen,
  /** When the money arrived. */
  paidAt: z.optional(instant),
  /** Our order number, what the payer quotes. */
  reference: text,
  /** A transfer's payer, as the statement named the account. */
  payer: z.optional(text),
  /** pending: asked of WeChat · owed: finance to send it back · refunded: back · flagged: arrived not fitting, finance to look into. */
  state: z.enum(['pending', 'owed', 'refunded', 'flagged']),
  reason: text,
  refundedAt: z.optional(instant),
  /** Who recorded a transfer sent back. */
  refundedBy: z.optional(text),
});
export type RefundItemView = output<typeof refundItemViewSchema>;

/**
 * An application waiting for its fee, offered to finance for a credit the statement could not place:
 * those whose name the transfer's payer or remark carries come first ("4级考核费 陈同学").
 */
export const pendingFeeViewSchema = object({
  applicationId: text,
  name: text,
  residentIdMasked: text,
  level,
  feeFen: fen,
  /** The transfer names this person (in its remark or as its payer). */
  named: z.boolean(),
});
export type PendingFeeView = output<typeof pendingFeeViewSchema>;
const rowIssue = object({ row: z.int(), message: text });
/** What an import did: new credits, the ones seen before, and how the new ones were settled. */
export const statementImportResultSchema = object({
  credits: count,
  duplicates: count,
  confirmed: count,
  review: count,
  unmatched: count,
  issues: z.array(rowIssue),
  /** The credits of this import a person must look at. */
  toDecide: z.array(bankCreditViewSchema),
});
export type StatementImportResult = output<typeof statementImportResultSchema>;
const statementField = keysOf(STATEMENT_FIELD_NAMES);
/** The body's saved mapping, if any, and — for an uploaded file — where its columns are. */
export const statementColumnsViewSchema = object({
  saved: z.optional(object({ receivedAt: text, amount: text, payer: text, remark: text, reference: z.optional(text) })),
  layout: z.optional(object({ headerRow: z.int(), headers: z.array(text), columns: z.partialRecord(statementField, z.int()) })),
});
export type StatementColumnsView = output<typeof statementColumnsViewSchema>;

// ——— institutions ———

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
const cellIssue = object({ row: z.int(), column: text, message: text });
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

// ——— sessions, exam day, results, misconduct ———

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
