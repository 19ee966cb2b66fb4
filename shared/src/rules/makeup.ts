import { addDays, addYears, formatChineseDate, type IsoDate } from '../dates';
import { feeFor, getPlan, listPlans } from '../plans';
import { applicationWindow } from './schedule';
import type { Level, SubjectKind } from '../types';

export interface AssessmentRecord {
  planId: string;
  level: Level;
  assessedOn: IsoDate;
  subjects: { kind: SubjectKind; passed: boolean }[];
  /** Results from a skills competition (职业技能竞赛): a failure there cannot be made up. */
  viaCompetition?: boolean;
}

export interface MakeupOptions {
  allowed: boolean;
  /** The failed subjects a make-up would cover. */
  subjects: SubjectKind[];
  /** Fen; the per-subject fees of those subjects, as the plan the make-up goes into prices them. */
  fee: number;
  /** The plan the make-up goes into (its own, or the body's next one), when one takes it now. */
  planId?: string;
  /** Passed subjects stay valid through this date (the day before the Nth anniversary). */
  validThrough: IsoDate;
  reason?: string;
}

/** Passed results are valid through the day before the second anniversary (assessed 2026-03-27 → valid through 2028-03-26). */
export function resultsValidThrough(planId: string, assessedOn: IsoDate): IsoDate {
  return addDays(addYears(assessedOn, getPlan(planId).results.validYears), -1);
}

/**
 * The plan a make-up asked for on `on` goes into: the sitting's own while it takes applications for the
 * level, else the body's newest plan for the same occupation that does — a December sitting's make-up
 * in next year's plan, at that plan's fees and in its sessions.
 */
export function makeupPlanFor(record: Pick<AssessmentRecord, 'planId' | 'level'>, on: IsoDate): string | undefined {
  if (applicationWindow(record.planId, record.level, on).open) return record.planId;
  const own = getPlan(record.planId);
  return listPlans()
    .filter(
      (p) =>
        p.body.id === own.body.id &&
        p.occupation.code === own.occupation.code &&
        p.levels.some((l) => l.level === record.level && l.offered) &&
        applicationWindow(p.id, record.level, on).open,
    )
    .sort((a, b) => b.year - a.year)[0]?.id;
}

export function makeupOptions(record: AssessmentRecord, on: IsoDate): MakeupOptions {
  const plan = getPlan(record.planId);
  const validThrough = resultsValidThrough(record.planId, record.assessedOn);
  const failed = record.subjects.filter((s) => !s.passed).map((s) => s.kind);
  const target = makeupPlanFor(record, on);
  const pricedBy = target ?? record.planId;
  const base = { subjects: failed, fee: failed.length ? feeFor(pricedBy, record.level, failed) : 0, validThrough, ...(target ? { planId: target } : {}) };

  if (failed.length === 0) return { ...base, allowed: false, reason: '各科目均已合格，无需补考' };
  if (record.viaCompetition && !plan.makeup.competitionFailureAllowed) {
    return { ...base, allowed: false, reason: '参加职业技能竞赛成绩不合格者，不能进行补考' };
  }
  if (failed.length === record.subjects.length) {
    return { ...base, allowed: false, reason: '全部科目均不合格，没有可保留的合格成绩，请重新申报' };
  }
  if (on > validThrough) {
    return { ...base, allowed: false, reason: `成绩有效期已于${formatChineseDate(validThrough)}届满，须重新申报所有科目` };
  }
  if (!target) return { ...base, allowed: false, reason: `当前不受理${getPlan(record.planId).occupation.name}补考申请，评价机构发布下一期计划后即可申请` };
  return { ...base, allowed: true };
}

/**
 * A new full application for the same occupation and level while results are
 * valid forfeits make-up: the passed subjects are dropped. The app warns with
 * this before the candidate submits.
 */
export function newApplicationForfeitsMakeup(record: AssessmentRecord, on: IsoDate): { forfeits: boolean; warning?: string } {
  const options = makeupOptions(record, on);
  const passed = record.subjects.some((s) => s.passed);
  if (!passed || on > options.validThrough) return { forfeits: false };
  return {
    forfeits: true,
    warning: `您在${formatChineseDate(record.assessedOn)}的合格科目成绩有效期至${formatChineseDate(options.validThrough)}。重新申报同职业同等级将视为放弃补考机会，之前的合格科目成绩不再保留。`,
  };
}
