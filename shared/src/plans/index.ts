import { DomainError } from '../errors';
import type { Level, SubjectKind } from '../types';
import { BEIJING_2021 } from './beijing-2021';
import { SHANGHAI_2026 } from './shanghai-2026';
import type { Plan, PlanLevel } from './types';

export * from './types';

/** The plans shipped with the code: the first ones a new installation publishes. */
export const BUILT_IN_PLANS: readonly Plan[] = [SHANGHAI_2026, BEIJING_2021];

/** The plans as published, in this process: the built-in ones until the server has read its own (on every instance, see `setPublishedPlans`). */
let PLANS: readonly Plan[] = BUILT_IN_PLANS;

/** The published plans, replacing those known before: the server hands them over at start-up and whenever one is published. */
export function setPublishedPlans(plans: readonly Plan[]): void {
  PLANS = [...plans];
}

export function listPlans(): Plan[] {
  return [...PLANS];
}

/** The plans an evaluation body publishes: what its staff may see and decide on. */
export function planIdsOfBody(bodyId: string): string[] {
  return PLANS.filter((p) => p.body.id === bodyId).map((p) => p.id);
}

export function getPlan(id: string): Plan {
  const plan = PLANS.find((p) => p.id === id);
  if (!plan) throw new DomainError('PLAN_NOT_FOUND');
  return plan;
}

/** A level as the plan defines it — including levels it prices but does not schedule. */
export function planLevel(planId: string, level: Level): PlanLevel {
  const found = getPlan(planId).levels.find((l) => l.level === level);
  if (!found) throw new DomainError('LEVEL_NOT_OFFERED');
  return found;
}

/** The occupation and level as bills, messages and certificates name them: 呼叫中心服务员（四级）. From the plan, never typed again. */
export function occupationLevel(planId: string, level: Level): string {
  return `${getPlan(planId).occupation.name}（${LEVEL_SHORT[level]}）`;
}

export function offeredLevels(plan: Plan): Level[] {
  return plan.levels.filter((l) => l.offered).map((l) => l.level);
}

/**
 * The fee in fen for a level, or for some of its subjects — which is the
 * make-up fee (the plans charge make-up per subject at the same figures).
 */
export function feeFor(planId: string, level: Level, subjects?: SubjectKind[]): number {
  const levelDef = planLevel(planId, level);
  const chosen = subjects ?? levelDef.subjects.map((s) => s.kind);
  let total = 0;
  for (const kind of new Set(chosen)) {
    const subject = levelDef.subjects.find((s) => s.kind === kind);
    if (!subject) throw new DomainError('SUBJECT_NOT_OFFERED');
    total += subject.feeFen;
  }
  return total;
}

/** The exact transfer remark the bank statement is matched on, e.g. '呼叫中心服务员（4级）-考核费'. */
export function bankTransferRemark(planId: string, level: Level): string | undefined {
  const template = getPlan(planId).payment.bank?.remarkTemplate;
  return template?.replace('{level}', String(level));
}

/** '四级/中级工（呼叫服务员）' — how a level is named to users. */
export function levelDisplayName(planId: string, level: Level): string {
  const l = planLevel(planId, level);
  return l.title ? `${l.name}（${l.title}）` : l.name;
}

export const LEVEL_NAMES: Record<Level, string> = {
  5: '五级/初级工',
  4: '四级/中级工',
  3: '三级/高级工',
  2: '二级/技师',
  1: '一级/高级技师',
};

/** '四级' — the short form used inside sentences. */
export const LEVEL_SHORT: Record<Level, string> = { 5: '五级', 4: '四级', 3: '三级', 2: '二级', 1: '一级' };

/** '¥400.00' — an amount to pay or paid, always with its fen, as receipts and payment pages write it. */
export function formatAmount(fen: number): string {
  // An amount that is not whole fen came through float arithmetic somewhere: refuse to print it as money.
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount must be whole fen, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** '¥400' — a price in the catalog, fen only when there are any. */
export function formatYuan(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const cents = Math.abs(fen % 100);
  return cents === 0 ? `¥${yuan}` : `¥${yuan}.${String(cents).padStart(2, '0')}`;
}
