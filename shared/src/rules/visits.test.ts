import { bookableVisitSlots, findBookableSlot, formatVisitSlot, visitSlotAt, visitSlotsOn, visitsRequired } from './visits';

describe('visits to the acceptance point', () => {
  it('Shanghai asks individual applicants to come; Beijing does not', () => {
    expect(visitsRequired('shanghai-2026')).toBe(true);
    expect(visitsRequired('beijing-2021')).toBe(false);
  });

  it('cuts a working day into half-hour slots inside the opening hours (9:00–11:00, 13:30–16:30, Shanghai time)', () => {
    const slots = visitSlotsOn('shanghai-2026', '2026-03-10');
    expect(slots.map((s) => s.label)).toEqual([
      '09:00-09:30',
      '09:30-10:00',
      '10:00-10:30',
      '10:30-11:00',
      '13:30-14:00',
      '14:00-14:30',
      '14:30-15:00',
      '15:00-15:30',
      '15:30-16:00',
      '16:00-16:30',
    ]);
    expect(slots[0]).toEqual({ startsAt: '2026-03-10T01:00:00.000Z', date: '2026-03-10', label: '09:00-09:30' });
  });

  it('has no slots on a weekend or a public holiday, and has them on a Sunday made a working day', () => {
    expect(visitSlotsOn('shanghai-2026', '2026-03-14')).toEqual([]); // Saturday
    expect(visitSlotsOn('shanghai-2026', '2026-10-01')).toEqual([]); // National Day
    expect(visitSlotsOn('shanghai-2026', '2026-09-20')).toHaveLength(10); // the Sunday worked before National Day
    expect(visitSlotsOn('beijing-2021', '2026-03-10')).toEqual([]);
  });

  it('offers what has not begun, from today to the fourteenth day ahead', () => {
    const now = new Date('2026-03-10T01:10:00Z'); // 09:10 on Tuesday 10 March
    const slots = bookableVisitSlots('shanghai-2026', now);
    expect(slots[0]?.label).toBe('09:30-10:00');
    expect(slots[0]?.date).toBe('2026-03-10');
    expect(slots.at(-1)).toMatchObject({ date: '2026-03-24', label: '16:00-16:30' });
    expect(new Set(slots.map((s) => s.date)).has('2026-03-25')).toBe(false);
  });

  it('finds a slot by its start only while it can still be booked', () => {
    const now = new Date('2026-03-10T01:10:00Z');
    expect(findBookableSlot('shanghai-2026', '2026-03-10T01:30:00Z', now)?.label).toBe('09:30-10:00');
    expect(findBookableSlot('shanghai-2026', '2026-03-10T01:00:00Z', now)).toBeUndefined(); // begun
    expect(findBookableSlot('shanghai-2026', '2026-03-10T01:15:00Z', now)).toBeUndefined(); // not a slot's start
    expect(findBookableSlot('shanghai-2026', 'soon', now)).toBeUndefined();
  });

  it('describes a booking as the app shows it', () => {
    const slot = visitSlotAt('shanghai-2026', new Date('2026-03-12T05:30:00Z'));
    expect(slot).toEqual({ startsAt: '2026-03-12T05:30:00.000Z', date: '2026-03-12', label: '13:30-14:00' });
    expect(formatVisitSlot(slot)).toBe('3月12日 13:30-14:00');
  });
});
