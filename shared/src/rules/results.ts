import { getPlan, planLevel } from '../plans';
import type { Level, SubjectKind } from '../types';

/** A subject's mark as the evaluation records it: a score 0–100, absent, or cancelled for misconduct (with the reason). */
export type SubjectMark = { score: number } | { absent: true } | { cancelled: string };

export interface GradedSubject {
  kind: SubjectKind;
  name: string;
  score?: number;
  passed: boolean;
  /** Why it failed without a score: 缺考, or the misconduct decision. */
  note?: string;
}

/**
 * The level's subjects graded against the plan's pass mark (60 unless the plan
 * says otherwise). A cancelled or missing subject fails and says why. The level
 * is passed when every subject is.
 */
export function gradeSubjects(planId: string, level: Level, marks: Partial<Record<SubjectKind, SubjectMark>>): { subjects: GradedSubject[]; passed: boolean } {
  const passMark = getPlan(planId).passMark;
  const subjects = planLevel(planId, level).subjects.map((subject): GradedSubject => {
    const mark = marks[subject.kind];
    if (!mark) return { kind: subject.kind, name: subject.name, passed: false, note: '无成绩' };
    if ('cancelled' in mark) return { kind: subject.kind, name: subject.name, passed: false, note: `成绩取消：${mark.cancelled}` };
    if ('absent' in mark) return { kind: subject.kind, name: subject.name, passed: false, note: '缺考' };
    return { kind: subject.kind, name: subject.name, score: mark.score, passed: mark.score >= passMark };
  });
  return { subjects, passed: subjects.every((s) => s.passed) };
}

/** One cell of a score sheet: 0–100 (one decimal at most), or 缺考. Anything else is a mistake to report, never a guess. */
export function readScoreCell(text: string): { mark: SubjectMark } | { error: string } | undefined {
  const value = text.trim();
  if (!value) return undefined;
  if (value === '缺考') return { mark: { absent: true } };
  if (!/^\d{1,3}(\.\d)?$/.test(value)) return { error: `“${value}”不是有效成绩（0-100，或填“缺考”）` };
  const score = Number(value);
  if (score > 100) return { error: `成绩${value}超过100分` };
  return { mark: { score } };
}

/**
 * A make-up sitting's marks with the original sitting's other subjects carried
 * over — the ones that make-up does not cover were passed, and stay valid.
 */
export function withCarriedMarks(
  planId: string,
  level: Level,
  original: Partial<Record<SubjectKind, SubjectMark>>,
  makeup: Partial<Record<SubjectKind, SubjectMark>>,
  makeupSubjects: readonly SubjectKind[],
): Partial<Record<SubjectKind, SubjectMark>> {
  const marks: Partial<Record<SubjectKind, SubjectMark>> = {};
  for (const { kind } of planLevel(planId, level).subjects) {
    const mark = makeupSubjects.includes(kind) ? makeup[kind] : original[kind];
    if (mark) marks[kind] = mark;
  }
  return marks;
}
