import { sessionEndsAt, sessionStartsAt, ticketOpen, ticketSubjects } from './tickets';

describe('tickets', () => {
  it('opens at the 5th working day before the session, and says when until then', () => {
    expect(ticketOpen('2026-03-27', '2026-03-19')).toEqual({ open: false, opensOn: '2026-03-20', message: '准考证将于2026年3月20日 00:00 开放下载' });
    expect(ticketOpen('2026-03-27', '2026-03-20')).toEqual({ open: true });
    expect(ticketOpen('2026-03-27', '2026-03-27')).toEqual({ open: true });
  });

  it('lays out the day: Beijing theory 90 minutes, practical 30; Shanghai without durations', () => {
    expect(ticketSubjects('beijing-2021', 4, { theoryAt: '09:00', practicalAt: '13:30' })).toEqual([
      expect.objectContaining({ kind: 'theory', startsAt: '09:00', endsAt: '10:30', mode: '机考' }),
      expect.objectContaining({ kind: 'practical', startsAt: '13:30', endsAt: '14:00', mode: '实操' }),
    ]);
    const shanghai = ticketSubjects('shanghai-2026', 3, { theoryAt: '08:30', practicalAt: '13:00' });
    expect(shanghai.map((s) => [s.kind, s.startsAt, s.endsAt])).toEqual([
      ['theory', '08:30', undefined],
      ['practical', '13:00', undefined],
    ]);
  });

  it('a session is over when its last subject ends (Shanghai time); a subject of no stated length lasts its day', () => {
    const beijing = { planId: 'beijing-2021', date: '2021-06-19', levels: [4] as const, theoryAt: '09:00', practicalAt: '13:30' };
    expect(sessionStartsAt(beijing).toISOString()).toBe('2021-06-19T01:00:00.000Z');
    expect(sessionEndsAt(beijing).toISOString()).toBe('2021-06-19T06:00:00.000Z');
    const shanghai = { planId: 'shanghai-2026', date: '2026-12-01', levels: [4] as const, theoryAt: '09:00', practicalAt: '13:30' };
    expect(sessionStartsAt(shanghai).toISOString()).toBe('2026-12-01T01:00:00.000Z');
    // Midnight at the end of 1 December in Shanghai.
    expect(sessionEndsAt(shanghai).toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });
});
