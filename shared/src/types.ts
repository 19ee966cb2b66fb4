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
