import { occupationLevel } from '../plans';
import {
  residentIdRevealable,
  assertTransition,
  canTransition,
  duplicateOf,
  liveApplicationKey,
  nextStates,
  SAT_APPLICATION_STATES,
  TICKETED_APPLICATION_STATES,
} from './applicationState';
import { visitBookable } from './visits';

describe('application state machine', () => {
  it('a reviewer decides a submitted application', () => {
    expect(nextStates('submitted', 'reviewer').sort()).toEqual(['approved', 'rejected', 'returned']);
  });

  it('a candidate cannot approve their own application', () => {
    expect(canTransition('submitted', 'approved', 'candidate')).toBe(false);
    expect(() => assertTransition('submitted', 'approved', 'candidate')).toThrow(expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }));
  });

  it('a returned application is corrected and resubmitted, not restarted', () => {
    expect(canTransition('returned', 'submitted', 'candidate')).toBe(true);
  });

  it('only the payment system or finance marks paid', () => {
    expect(canTransition('approved', 'paid', 'system')).toBe(true);
    expect(canTransition('approved', 'paid', 'candidate')).toBe(false);
  });
});

describe('facts about applications, said once for server and app', () => {
  const mine = [
    { id: 'old', planId: 'beijing-2021', level: 4 as const, state: 'withdrawn' as const },
    { id: 'live', planId: 'beijing-2021', level: 4 as const, state: 'approved' as const },
    { id: 'other-level', planId: 'shanghai-2026', level: 3 as const, state: 'submitted' as const },
  ];

  it('one live application per occupation and level, across plans and bodies', () => {
    // Same occupation (4-04-05-03) in Shanghai: the Beijing level-4 application still running is the duplicate.
    expect(duplicateOf(mine, 'shanghai-2026', 4)?.id).toBe('live');
    expect(duplicateOf(mine, 'shanghai-2026', 5)).toBeUndefined();
    expect(liveApplicationKey('shanghai-2026', 4)).toBe(liveApplicationKey('beijing-2021', 4));
  });

  it('a counter visit is booked by an individual before the verdict, also while correcting', () => {
    expect(visitBookable({ planId: 'shanghai-2026', channel: 'individual', state: 'returned' })).toBe(true);
    expect(visitBookable({ planId: 'shanghai-2026', channel: 'individual', state: 'approved' })).toBe(false);
    expect(visitBookable({ planId: 'shanghai-2026', channel: 'group', state: 'submitted' })).toBe(false);
    expect(visitBookable({ planId: 'beijing-2021', channel: 'individual', state: 'submitted' })).toBe(false);
  });

  it('the occupation and level as bills and messages name them, from the plan', () => {
    expect(occupationLevel('shanghai-2026', 4)).toBe('呼叫中心服务员（四级）');
    expect(SAT_APPLICATION_STATES.every((s) => TICKETED_APPLICATION_STATES.includes(s))).toBe(true);
  });
});

describe('the whole ID number at the counter', () => {
  it('is shown for an individual application under review only', () => {
    expect(residentIdRevealable({ channel: 'individual', state: 'submitted' })).toBe(true);
    expect(residentIdRevealable({ channel: 'group', state: 'submitted' })).toBe(false);
    expect(residentIdRevealable({ channel: 'group', state: 'draft' })).toBe(false);
    for (const state of ['draft', 'returned', 'approved', 'paid', 'rejected'] as const)
      expect(residentIdRevealable({ channel: 'individual', state })).toBe(false);
  });
});
