import { assertTransition, canTransition, nextStates } from './applicationState';

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
