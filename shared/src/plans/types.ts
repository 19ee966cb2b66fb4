import type { IsoDate } from '../dates';
import type { Level, MajorMatch, SchoolKind, SubjectKind, TitleGrade } from '../types';

/**
 * A rule pack: one evaluation body's published plan, as data. Adding a body or
 * next year's notice means a new file of this shape, never a new code branch.
 */
export interface Plan {
  id: string;
  title: string;
  /** When the notice was published; registration cannot open before it. */
  publishedOn: IsoDate;
  /** Calendar year the plan governs. */
  year: number;
  body: EvaluationBody;
  occupation: { name: string; code: string };
  standard: EligibilityStandard;
  levels: PlanLevel[];
  schedule: PlanSchedule;
  assessment: { sameDay: boolean; site?: Site; notes: string[] };
  passMark: number;
  /** The due date of results and the ticket's availability are platform rules (rules/calendar.ts), not plan data. */
  results: { validYears: number; lookup: string[] };
  /** How tickets reach candidates, and what the candidate brings on the day — each in the notice's words. */
  ticket: { channels: string[]; bring?: string };
  makeup: { perSubject: boolean; competitionFailureAllowed: boolean; notes: string[] };
  payment: PaymentInstructions;
  /**
   * How each channel declares and collects, in the notice's words; absent where the notice is silent.
   * Every text of a plan that a person reads is quoted from its notice (plans/quotations.test.ts checks it).
   */
  declaration: { group?: string; individual?: string };
  collection: { group?: string; individual?: string };
  acceptancePoint?: AcceptancePoint;
  contacts: Contact[];
  notices: Notice[];
}

export interface EvaluationBody {
  id: string;
  name: string;
  shortName: string;
  city: string;
}

export interface Site {
  name: string;
  address: string;
}

export interface PlanLevel {
  level: Level;
  /** '四级/中级工' */
  name: string;
  /** Beijing's own title for the level, e.g. '呼叫服务员'. */
  title?: string;
  /** False for levels a fee table prices but the plan does not schedule (Beijing 2 and 1). */
  offered: boolean;
  subjects: Subject[];
  materials: Material[];
}

export interface Subject {
  kind: SubjectKind;
  name: string;
  /** Fee in fen; the same figure is the per-subject make-up fee. */
  feeFen: number;
  minutes?: number;
  mode?: string;
}

export interface Material {
  id: string;
  name: string;
  note?: string;
  /** Never required: brought when the candidate has it. */
  optional?: boolean;
  /**
   * Required only for an application that relies on one of these clauses (ids
   * of the plan's standard, e.g. '3.3'): the candidate relies on a clause when
   * every clause they meet is among these. Otherwise it may be brought, not asked for.
   */
  requiredFor?: string[];
  /**
   * A commitment (承诺书) is signed in the app — the text shown, the name typed,
   * the time recorded — instead of uploading a signed sheet. Absent: a photo or PDF is uploaded.
   */
  commitment?: string;
  /**
   * The photos a material is made of, each its own labelled slot ('人像面', '国徽面'), and how to take
   * them: the app's guidance for a clear upload, not a rule of the plan.
   */
  shots?: { labels: string[]; tip: string };
}

export type PlanSchedule = MonthlySchedule | BatchSchedule;

export interface MonthlySchedule {
  kind: 'monthly';
  /** One row per application month; months without a row accept no applications. */
  windows: { applyMonth: number; assessBy: 'end-of-next-month' | 'end-of-same-month'; label: string }[];
  notes: string[];
}

export interface BatchSchedule {
  kind: 'batches';
  batches: { assessOn: IsoDate; closesOn: IsoDate; level: Level }[];
  notes: string[];
}

export interface PaymentInstructions {
  channels: ('wechat' | 'bank')[];
  paidTimeRule?: string;
  bank?: { accountName: string; accountNumber: string; bankName: string; remarkTemplate: string };
}

export interface AcceptancePoint {
  address: string;
  /** Opening hours on working days, Shanghai time, 'HH:MM'. */
  hours: { from: string; to: string }[];
  note: string;
  /**
   * Individual applicants show their ID original here: they book a visit slot
   * of `minutes` inside the opening hours, at most `capacity` people per slot,
   * up to `daysAhead` calendar days ahead.
   */
  visits?: { minutes: number; capacity: number; daysAhead: number };
}

export interface Contact {
  label: string;
  kind: 'phone' | 'email' | 'web' | 'wechat';
  value: string;
  /** Human-readable hours, when the line is staffed only then. */
  hours?: string;
}

/** A notice of the plan, paragraph by paragraph as published (its own numbering included). */
export interface Notice {
  title: string;
  intro?: string;
  items: string[];
}

/** The eligibility standard a plan applies: clauses per level, each "any one of" (具备以下条件之一). */
export interface EligibilityStandard {
  id: string;
  name: string;
  minimumAge: number;
  /** Whether work, certificates and majors in a related occupation count (Shanghai 2023) or only this one (Beijing 2021). */
  counts: 'same-or-related' | 'same-only';
  clauses: Partial<Record<Level, Clause[]>>;
}

export interface Clause {
  /** '<level>.<n>', e.g. '4.3' = level 4 condition (3). */
  id: string;
  /** The standard's own words. */
  text: string;
  /** Every requirement must hold. */
  requires: Requirement[];
}

/** Events a span of work can be counted from. */
export type Anchor = { kind: 'certificate'; level: Level } | { kind: 'title'; grade: TitleGrade };

export type Requirement =
  | { kind: 'intends-to-work' }
  | { kind: 'currently-working' }
  | { kind: 'work'; measure: 'cumulative' | 'continuous'; years: number; after?: Anchor }
  | { kind: 'certificate'; level: Level; heldYears?: number }
  | { kind: 'diploma'; schools: SchoolKind[]; majors: MajorMatch[]; finalYearCounts: boolean; evaluated?: boolean }
  | { kind: 'title'; grade: TitleGrade }
  | { kind: 'training'; forLevel: Level }
  | { kind: 'technician-class-student' };
