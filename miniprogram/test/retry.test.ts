import { politeRetryDelayMs, retryAfterOf } from '../src/api/retry';

describe('asking again when the server is busy', () => {
  it('waits what the server names, spread by up to half again, and gives up after two tries', () => {
    expect(politeRetryDelayMs(0, 2, () => 0)).toBe(2000);
    expect(politeRetryDelayMs(1, 2, () => 0.999)).toBe(2999);
    expect(politeRetryDelayMs(2, 2, () => 0)).toBeUndefined();
  });

  it('never waits more than 5 s, and 2 s when the server names no wait', () => {
    expect(politeRetryDelayMs(0, 600, () => 0)).toBe(5000);
    expect(politeRetryDelayMs(0, undefined, () => 0)).toBe(2000);
  });

  it('reads Retry-After whatever the case of the header name', () => {
    expect(retryAfterOf({ 'Retry-After': '2' })).toBe(2);
    expect(retryAfterOf({ 'retry-after': 3 })).toBe(3);
    expect(retryAfterOf({ 'Retry-After': 'soon' })).toBeUndefined();
    expect(retryAfterOf(undefined)).toBeUndefined();
  });
});
