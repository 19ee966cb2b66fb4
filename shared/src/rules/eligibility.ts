import { addYears, daysBetween, formatChineseDate, formatDuration, type IsoDate } from '../dates';
import { getPlan, LEVEL_NAMES, LEVEL_SHORT } from '../plans';
import type { Anchor, Clause, EligibilityStandard, Requirement } from '../plans/types';
import { ageOn } from '../residentId';
import type { ApplicantFacts, Level, MajorMatch, OccupationMatch, SchoolKind, TitleGrade } from '../types';
import { cumulativeWorkDays, longestContinuousWorkDays, worksOn } from './workSpans';

export interface ClauseVerdict {
  id: string;
  /** '四级 条件(3)' */
  label: string;
  text: string;
  satisfied: boolean;
  /** Chinese, one line per requirement not yet met. */
  missing: string[];
  /** 0..1 — how close the candidate is, used to pick the nearest clauses to explain. */
  progress: number;
}

export interface EligibilityResult {
  eligible: boolean;
  /** Clause ids that hold, e.g. ['4.3']. */
  satisfied: string[];
  /** Chinese: why not eligible — age, an unoffered level, or what is missing for the nearest clauses. */
  reasons: string[];
  age: number;
  clauses: ClauseVerdict[];
}

const NEAREST_CLAUSES_EXPLAINED = 3;

export const SCHOOL_NAMES: Record<SchoolKind, string> = {
  technical: '技工学校',
  'technical-senior': '技工院校高级工班',
  technician: '技师学院/高级技工学校',
  'secondary-vocational': '中等职业学校',
  'higher-vocational': '高等职业学校',
  college: '专科及以上普通高等学校',
};

export const MAJOR_NAMES: Record<MajorMatch, string> = { same: '本专业', related: '相关专业', other: '非本专业' };
export const TITLE_NAMES: Record<TitleGrade, string> = { junior: '初级职称', intermediate: '中级职称', senior: '高级职称' };

/** A clause in the standard's own words, for the candidate, who reads what they meet rather than its number. */
export function clauseText(planId: string, clauseId: string): string {
  const level = Number(clauseId.split('.')[0]) as Level;
  return getPlan(planId).standard.clauses[level]?.find((c) => c.id === clauseId)?.text ?? clauseLabel(clauseId);
}

export function clauseLabel(clauseId: string): string {
  const [level, n] = clauseId.split('.');
  return `${LEVEL_SHORT[Number(level) as Level] ?? level} 条件(${n})`;
}

export function evaluateEligibility(planId: string, level: Level, facts: ApplicantFacts, on: IsoDate): EligibilityResult {
  const plan = getPlan(planId);
  const standard = plan.standard;
  const age = ageOn(facts.birthDate, on);
  const reasons: string[] = [];

  if (age < standard.minimumAge) {
    const turns = addYears(facts.birthDate, standard.minimumAge);
    reasons.push(`须年满${standard.minimumAge}周岁：按出生日期，您将于${formatChineseDate(turns)}年满${standard.minimumAge}周岁`);
  }
  const levelDef = plan.levels.find((l) => l.level === level);
  if (!levelDef?.offered) reasons.push(`本计划不开展${LEVEL_NAMES[level]}认定`);

  const clauses = (standard.clauses[level] ?? []).map((clause) => evaluateClause(clause, standard, facts, on));
  const satisfied = clauses.filter((c) => c.satisfied).map((c) => c.id);

  if (satisfied.length === 0 && clauses.length > 0) {
    const nearest = [...clauses].sort((a, b) => b.progress - a.progress || a.missing.length - b.missing.length).slice(0, NEAREST_CLAUSES_EXPLAINED);
    // What is missing, in plain words: each line is one way in (the clause's number means nothing to a candidate).
    for (const c of nearest) reasons.push(`可通过：${c.missing.join('；')}`);
  }
  return { eligible: reasons.length === 0 && satisfied.length > 0, satisfied, reasons, age, clauses };
}

interface RequirementVerdict {
  met: boolean;
  missing?: string;
  progress: number;
}

function evaluateClause(clause: Clause, standard: EligibilityStandard, facts: ApplicantFacts, on: IsoDate): ClauseVerdict {
  const verdicts = clause.requires.map((r) => evaluateRequirement(r, standard, facts, on));
  const progress = verdicts.reduce((sum, v) => sum + v.progress, 0) / Math.max(verdicts.length, 1);
  return {
    id: clause.id,
    label: clauseLabel(clause.id),
    text: clause.text,
    satisfied: verdicts.every((v) => v.met),
    missing: verdicts.filter((v) => !v.met && v.missing).map((v) => v.missing as string),
    progress,
  };
}

function occupationCounts(standard: EligibilityStandard, occupation: OccupationMatch): boolean {
  return standard.counts === 'same-or-related' || occupation === 'same';
}

function occupationWords(standard: EligibilityStandard): string {
  return standard.counts === 'same-or-related' ? '本职业或相关职业' : '本职业';
}

/** The earliest qualifying event a span of work is counted from: the earliest gives the candidate the most time. */
function anchorDate(anchor: Anchor, standard: EligibilityStandard, facts: ApplicantFacts, on: IsoDate): IsoDate | undefined {
  const dates =
    anchor.kind === 'certificate'
      ? facts.certificates.filter((c) => c.level === anchor.level && occupationCounts(standard, c.occupation) && c.issuedOn <= on).map((c) => c.issuedOn)
      : facts.titles.filter((t) => t.grade === anchor.grade && t.matchesMajor && t.obtainedOn <= on).map((t) => t.obtainedOn);
  return dates.sort()[0];
}

function anchorWords(anchor: Anchor): string {
  return anchor.kind === 'certificate' ? `取得${LEVEL_SHORT[anchor.level]}证书后` : `取得${TITLE_NAMES[anchor.grade]}后`;
}

function evaluateRequirement(r: Requirement, standard: EligibilityStandard, facts: ApplicantFacts, on: IsoDate): RequirementVerdict {
  const occupation = occupationWords(standard);
  const countedWork = facts.work.filter((w) => occupationCounts(standard, w.occupation));
  switch (r.kind) {
    case 'intends-to-work':
      return facts.intendsToWork ? { met: true, progress: 1 } : { met: false, progress: 0, missing: `须拟从事${occupation}工作` };
    case 'currently-working':
      return worksOn(countedWork, on)
        ? { met: true, progress: 1 }
        : { met: false, progress: 0, missing: `须目前正在从事${occupation}工作（请填写一段至今的工作经历）` };
    case 'work': {
      const needed = r.years * 365;
      let after: IsoDate | undefined;
      if (r.after) {
        after = anchorDate(r.after, standard, facts, on);
        if (after === undefined) {
          return { met: false, progress: 0, missing: `${anchorWords(r.after)}${workWords(r.measure, occupation)}满${r.years}年` };
        }
      }
      const days = r.measure === 'cumulative' ? cumulativeWorkDays(countedWork, on, after) : longestContinuousWorkDays(countedWork, on, after);
      if (days >= needed) return { met: true, progress: 1 };
      const prefix = r.after ? anchorWords(r.after) : '';
      const now = r.measure === 'cumulative' ? `目前${formatDuration(days)}` : `目前最长连续${formatDuration(days)}`;
      return {
        met: false,
        progress: days / needed,
        missing: `${prefix}${workWords(r.measure, occupation)}满${r.years}年（${now}，还差${formatDuration(needed - days)}）`,
      };
    }
    case 'certificate': {
      const held = facts.certificates
        .filter((c) => c.level === r.level && occupationCounts(standard, c.occupation) && c.issuedOn <= on)
        .sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : 1))[0];
      const name = `${occupation}${LEVEL_NAMES[r.level]}职业资格（职业技能等级）证书`;
      if (!held) return { met: false, progress: 0, missing: `须取得${name}` };
      if (r.heldYears !== undefined) {
        const fullOn = addYears(held.issuedOn, r.heldYears);
        if (fullOn > on) {
          return {
            met: false,
            progress: 0.5,
            missing: `取得${LEVEL_SHORT[r.level]}证书须满${r.heldYears}年（${formatChineseDate(fullOn)}满，还差${daysBetween(on, fullOn)}天）`,
          };
        }
      }
      return { met: true, progress: 1 };
    }
    case 'diploma': {
      const ok = facts.diplomas.some(
        (d) =>
          r.schools.includes(d.school) &&
          r.majors.includes(d.major) &&
          (!r.evaluated || d.evaluated === true) &&
          ((d.graduatedOn !== undefined && d.graduatedOn <= on) || (r.finalYearCounts && d.finalYear === true)),
      );
      if (ok) return { met: true, progress: 1 };
      const schools = r.schools.map((s) => SCHOOL_NAMES[s]).join('、');
      const majors = r.majors.length === 3 ? '' : `${r.majors.map((m) => MAJOR_NAMES[m]).join('或')}的`;
      const evaluated = r.evaluated ? '经评估论证的' : '';
      const finalYear = r.finalYearCounts ? '（含在读应届毕业生）' : '';
      return { met: false, progress: 0, missing: `须取得${evaluated}${schools}${majors}毕业证书${finalYear}` };
    }
    case 'title':
      return facts.titles.some((t) => t.grade === r.grade && t.matchesMajor && t.obtainedOn <= on)
        ? { met: true, progress: 1 }
        : { met: false, progress: 0, missing: `须取得符合专业对应关系的${TITLE_NAMES[r.grade]}` };
    case 'training':
      return facts.trainings.some((t) => t.forLevel === r.forLevel && t.completedOn <= on)
        ? { met: true, progress: 1 }
        : { met: false, progress: 0, missing: `须经本职业${LEVEL_SHORT[r.forLevel]}正规培训达规定标准学时数，并取得结业证书` };
    case 'technician-class-student':
      return facts.technicianClassStudent ? { met: true, progress: 1 } : { met: false, progress: 0, missing: '须为技师学院预备技师班或技师班学生' };
  }
}

function workWords(measure: 'cumulative' | 'continuous', occupation: string): string {
  return measure === 'cumulative' ? `累计从事${occupation}工作` : `连续从事${occupation}工作`;
}
