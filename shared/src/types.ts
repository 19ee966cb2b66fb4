import type { IsoDate } from './dates';

export type { IsoDate } from './dates';

export type Level = 1 | 2 | 3 | 4 | 5;
export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/** review = 综合评审, priced by Beijing for levels 2 and 1. */
export type SubjectKind = 'theory' | 'practical' | 'review';
export const SUBJECT_KINDS: readonly SubjectKind[] = ['theory', 'practical', 'review'];

/** 技工学校 · 技工院校高级工班 · 技师学院/高级技工学校 · 中等职业学校 · 高等职业学校(高职专科) · 普通高等学校专科及以上 */
export type SchoolKind = 'technical' | 'technical-senior' | 'technician' | 'secondary-vocational' | 'higher-vocational' | 'college';
export const SCHOOL_KINDS: readonly SchoolKind[] = ['technical', 'technical-senior', 'technician', 'secondary-vocational', 'higher-vocational', 'college'];

export type OccupationMatch = 'same' | 'related';
export type MajorMatch = 'same' | 'related' | 'other';
export type TitleGrade = 'junior' | 'intermediate' | 'senior';

export interface WorkPeriod {
  from: IsoDate;
  /** Absent while the job is ongoing. */
  to?: IsoDate;
  occupation: OccupationMatch;
}

export interface CertificateHeld {
  level: Level;
  occupation: OccupationMatch;
  issuedOn: IsoDate;
}

export interface Diploma {
  school: SchoolKind;
  major: MajorMatch;
  graduatedOn?: IsoDate;
  /** 在读应届毕业生 — graduating this academic year. */
  finalYear?: boolean;
  /** 经评估论证的院校 (Shanghai level 3 (6)). */
  evaluated?: boolean;
}

export interface ProfessionalTitle {
  grade: TitleGrade;
  matchesMajor: boolean;
  obtainedOn: IsoDate;
}

export interface TrainingCompletion {
  forLevel: Level;
  completedOn: IsoDate;
}

/** What a candidate declares; years are computed from these, never typed. */
export interface ApplicantFacts {
  birthDate: IsoDate;
  intendsToWork?: boolean;
  work: WorkPeriod[];
  certificates: CertificateHeld[];
  diplomas: Diploma[];
  titles: ProfessionalTitle[];
  trainings: TrainingCompletion[];
  /** 技师学院预备技师班、技师班学生 */
  technicianClassStudent?: boolean;
}

/** Staff of an evaluation body (institution clerks are their own kind of account). */
export const STAFF_ROLES = ['reviewer', 'finance', 'proctor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The WeChat subscribe messages the app asks for (≤ 3 per request, WeChat's limit): each accept allows one message. */
export const SUBSCRIPTION_KINDS = ['ticket', 'results', 'review'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];

/** How a certificate reaches its holder. */
export type CollectionMethod = 'institution' | 'pickup' | 'post';

export const COLLECTION_NAMES: Record<CollectionMethod, string> = {
  institution: '由学校（机构）统一领取',
  pickup: '本人到受理点领取',
  post: '快递到付',
};

/** A school's 初审 of a student in its class. */
export type PrereviewState = 'pending' | 'passed' | 'excluded';

export const PREREVIEW_NAMES: Record<PrereviewState, string> = { pending: '待初审', passed: '初审通过', excluded: '不予申报' };
