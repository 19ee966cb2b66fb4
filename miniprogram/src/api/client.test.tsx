import { typedAnswer, urlOf } from './client';

// A development build holds every answer to its route's schema; the release build trusts the server's tests.
describe('answers by the contract', () => {
  let logged: string[];
  const original = console.error;
  beforeEach(() => {
    logged = [];
    console.error = (message: string) => void logged.push(message);
  });
  afterEach(() => {
    console.error = original;
  });

  it('passes an answer that fits its route', () => {
    const answer = typedAnswer('standing', { bannedThrough: '2026-12-31', message: '因违反参评纪律，2026年12月31日前（含）不得参加评价' });
    expect(answer).toEqual({ ok: true, data: { bannedThrough: '2026-12-31', message: '因违反参评纪律，2026年12月31日前（含）不得参加评价' } });
    expect(logged).toEqual([]);
  });

  it('turns an answer that does not fit into an error, and says which field', () => {
    const answer = typedAnswer('visitSlots', [{ startsAt: '2026-03-30T01:00:00.000Z', date: '2026-03-30', label: '3月30日 09:00', left: '2' }]);
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL_ERROR', message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    expect(logged.join('\n')).toMatch(/visitSlots: 0\.left/);
  });

  it('fills a route’s parameters, encoded, and leaves out an empty query', () => {
    expect(urlOf('GET /api/exam-day/sessions/:id/tickets/:ticketNo', { params: { id: 's/1', ticketNo: '2026033001' } })).toBe(
      '/api/exam-day/sessions/s%2F1/tickets/2026033001',
    );
    expect(urlOf('GET /api/review/applications', { query: { state: 'submitted', planId: undefined, level: 4 } })).toBe(
      '/api/review/applications?state=submitted&level=4',
    );
  });
});
