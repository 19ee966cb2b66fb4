import { DomainError } from '../errors';
import { getPlan } from '../plans';
import type { Level } from '../types';

/**
 * The life of an application. Transitions are data: the server checks every
 * change against this table, and the app uses it to show only possible actions.
 */
export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'rejected',
  'withdrawn',
  'paid',
  'expired',
  'cancelled',
  'checked_in',
  'absent',
  'assessed',
  'certified',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export type Actor = 'candidate' | 'institution' | 'reviewer' | 'finance' | 'proctor' | 'admin' | 'system';

export const APPLICATION_STATE_NAMES: Record<ApplicationState, string> = {
  draft: '草稿',
  submitted: '审核中',
  returned: '退回修改',
  approved: '审核通过，待缴费',
  rejected: '审核未通过',
  withdrawn: '已撤回',
  paid: '已缴费',
  expired: '逾期未缴费',
  cancelled: '已取消',
  checked_in: '已签到',
  absent: '缺考',
  assessed: '已出成绩',
  certified: '已发证',
};

interface Transition {
  from: ApplicationState;
  to: ApplicationState;
  by: readonly Actor[];
}

const APPLICANT: readonly Actor[] = ['candidate', 'institution'];

export const APPLICATION_TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'submitted', by: APPLICANT },
  // A ban recorded against the person ends what they have under way (SPEC §7), a school's draft included.
  { from: 'draft', to: 'withdrawn', by: [...APPLICANT, 'admin'] },
  { from: 'submitted', to: 'approved', by: ['reviewer', 'admin'] },
  { from: 'submitted', to: 'returned', by: ['reviewer', 'admin'] },
  { from: 'submitted', to: 'rejected', by: ['reviewer', 'admin'] },
  { from: 'submitted', to: 'withdrawn', by: APPLICANT },
  { from: 'returned', to: 'submitted', by: APPLICANT },
  { from: 'returned', to: 'withdrawn', by: APPLICANT },
  { from: 'returned', to: 'rejected', by: ['admin'] },
  { from: 'approved', to: 'paid', by: ['system', 'finance'] },
  { from: 'approved', to: 'expired', by: ['system'] },
  { from: 'approved', to: 'cancelled', by: ['admin'] },
  { from: 'paid', to: 'cancelled', by: ['admin'] },
  { from: 'paid', to: 'checked_in', by: ['proctor'] },
  { from: 'paid', to: 'absent', by: ['proctor', 'system'] },
  { from: 'checked_in', to: 'assessed', by: ['system', 'admin'] },
  { from: 'absent', to: 'assessed', by: ['system', 'admin'] },
  { from: 'assessed', to: 'certified', by: ['admin', 'system'] },
];

export function nextStates(from: ApplicationState, actor: Actor): ApplicationState[] {
  return APPLICATION_TRANSITIONS.filter((t) => t.from === from && t.by.includes(actor)).map((t) => t.to);
}

export function canTransition(from: ApplicationState, to: ApplicationState, actor: Actor): boolean {
  return APPLICATION_TRANSITIONS.some((t) => t.from === from && t.to === to && t.by.includes(actor));
}

export function assertTransition(from: ApplicationState, to: ApplicationState, actor: Actor): void {
  if (!canTransition(from, to, actor)) {
    throw new DomainError('TRANSITION_NOT_ALLOWED', `当前状态为“${APPLICATION_STATE_NAMES[from]}”，不能变更为“${APPLICATION_STATE_NAMES[to]}”`);
  }
}

/**
 * States in which an application is still running. While one is, the same person
 * cannot start another for the same occupation and level.
 */
export const LIVE_APPLICATION_STATES: readonly ApplicationState[] = ['draft', 'submitted', 'returned', 'approved', 'paid', 'checked_in', 'absent'];

export function isLiveApplicationState(state: ApplicationState): boolean {
  return LIVE_APPLICATION_STATES.includes(state);
}

/**
 * "One live application each": what an application is one of — the occupation and the level, across
 * plans and bodies. The server keys its unique index on it; the app finds the application already made.
 */
export function liveApplicationKey(planId: string, level: Level): string {
  return `${getPlan(planId).occupation.code}:${level}`;
}

/** Among a person's applications, the live one a new application for this plan and level would duplicate. */
export function duplicateOf<A extends { planId: string; level: Level; state: ApplicationState }>(
  mine: readonly A[],
  planId: string,
  level: Level,
): A | undefined {
  const key = liveApplicationKey(planId, level);
  return mine.find((a) => isLiveApplicationState(a.state) && liveApplicationKey(a.planId, a.level) === key);
}

/** Paid and seated, or past it: the admission ticket exists for these. */
export const TICKETED_APPLICATION_STATES: readonly ApplicationState[] = ['paid', 'checked_in', 'absent', 'assessed', 'certified'];

/** The candidate came to the sitting (checked in at the door, or already assessed). */
export const SAT_APPLICATION_STATES: readonly ApplicationState[] = ['checked_in', 'assessed', 'certified'];

/** Still before the review's verdict: when an individual's counter visit is booked (SPEC §8). */
export const AWAITING_VERDICT_STATES: readonly ApplicationState[] = ['submitted', 'returned'];

/**
 * The whole ID number is read at the counter, the original card in hand: an individual's application
 * under review. Not a school's class (its drafts are the school's, its members are checked by the
 * school), not one decided already.
 */
export function residentIdRevealable(application: { channel: 'individual' | 'group'; state: ApplicationState }): boolean {
  return application.channel === 'individual' && application.state === 'submitted';
}
