import {
  calendarCoversYear,
  calendarYear,
  calendarYearConfirmed,
  calendarYearIssues,
  createWorkingDayCalendar,
  isWorkingDay,
  resultsDueBy,
  sessionDeadlines,
  ticketAvailableFrom,
  setEnteredCalendarYears,
  workingDayInfo,
} from './calendar';

describe('working days', () => {
  it('weekdays work, weekends rest', () => {
    expect(isWorkingDay('2026-03-27')).toBe(true); // Friday
    expect(isWorkingDay('2026-03-28')).toBe(false); // Saturday
  });

  it('statutory holidays rest, with their Chinese name', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false);
    expect(workingDayInfo('2026-02-17')).toMatchObject({ working: false, verified: true, name: '春节' });
  });

  it('make-up working days (调休) work even on a Saturday', () => {
    expect(workingDayInfo('2026-02-14')).toMatchObject({ working: true, verified: true, name: '春节调休上班' });
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday before National Day
  });

  it('a year outside the calendar uses weekends only and is flagged unverified', () => {
    expect(calendarCoversYear(2026)).toBe(true);
    expect(calendarCoversYear(2031)).toBe(false);
    expect(workingDayInfo('2031-10-01')).toMatchObject({ working: true, verified: false, source: 'weekend-only' });
    expect(workingDayInfo('2031-10-04')).toMatchObject({ working: false, verified: false });
  });

  it('admin overrides win over the calendar', () => {
    const calendar = createWorkingDayCalendar({ '2026-03-27': { working: false, name: '临时停办' } });
    expect(calendar.info('2026-03-27')).toMatchObject({ working: false, source: 'override', name: '临时停办' });
    expect(ticketAvailableFrom('2026-04-03', calendar)).toBe('2026-03-26');
  });
});

describe('ticketAvailableFrom — the 5th working day before', () => {
  it('SPEC example: Friday 2026-03-27 → 2026-03-20', () => {
    expect(ticketAvailableFrom('2026-03-27')).toBe('2026-03-20');
  });

  it('skips the National Day week and counts the 调休 Saturday 2026-10-10', () => {
    // Working days before 2026-10-14: 13, 12, 10 (Sat, 调休), 9, 8.
    expect(ticketAvailableFrom('2026-10-14')).toBe('2026-10-08');
  });

  it('counts the 调休 Saturday 2026-02-28 after Spring Festival', () => {
    // Before Tue 2026-03-03: 03-02, 02-28 (调休), 02-27, 02-26, 02-25.
    expect(ticketAvailableFrom('2026-03-03')).toBe('2026-02-25');
  });
});

describe('resultsDueBy — 20 working days after', () => {
  it('skips the Qingming holiday', () => {
    expect(resultsDueBy('2026-03-27')).toBe('2026-04-27');
  });

  it('skips Labour Day and counts the 调休 Saturday 2026-05-09', () => {
    // From Thu 2026-04-30: 05-06..08 (3), 05-09 调休 (4), 05-11..15 (9), 18..22 (14), 25..29 (19), 06-01 (20).
    expect(resultsDueBy('2026-04-30')).toBe('2026-06-01');
  });
});

describe('a year an admin entered', () => {
  afterEach(() => setEnteredCalendarYears([]));

  const YEAR_2027 = {
    year: 2027,
    holidays: [{ date: '2027-01-01', name: '元旦' }],
    workdays: [{ date: '2027-01-09', name: '元旦调休上班' }],
  };

  it('counts on the entered days and calls them known; a year nobody gave stays a guess', () => {
    expect(calendarYearConfirmed(2027)).toBe(false);
    expect(sessionDeadlines('2026-12-28')).toEqual({ ticketsFrom: '2026-12-21', resultsDueBy: '2027-01-25', datesConfirmed: false });
    setEnteredCalendarYears([YEAR_2027]);
    expect(calendarYearConfirmed(2027)).toBe(true);
    expect(workingDayInfo('2027-01-01')).toMatchObject({ working: false, verified: true, source: 'entered', name: '元旦' });
    expect(workingDayInfo('2027-01-09')).toMatchObject({ working: true, source: 'entered', name: '元旦调休上班' });
    expect(workingDayInfo('2027-01-10')).toMatchObject({ working: false, verified: true, source: 'entered' });
    // 元旦 off and Saturday 9 January worked: the twentieth working day after 28 December is still 25 January.
    expect(sessionDeadlines('2026-12-28')).toEqual({ ticketsFrom: '2026-12-21', resultsDueBy: '2027-01-25', datesConfirmed: true });
    expect(calendarYear(2027)).toEqual({ ...YEAR_2027, confirmed: true, source: 'entered' });
    expect(calendarYear(2028)).toEqual({ year: 2028, confirmed: false, source: 'none', holidays: [], workdays: [] });
  });

  it('lists a built-in year with its Chinese names', () => {
    const view = calendarYear(2026);
    expect(view).toMatchObject({ confirmed: true, source: 'calendar' });
    expect(view.holidays).toContainEqual({ date: '2026-01-01', name: '元旦' });
    expect(view.workdays).toContainEqual({ date: '2026-02-14', name: '春节调休上班' });
  });

  it('finds what is wrong with an entry, by field', () => {
    expect(calendarYearIssues(2027, YEAR_2027)).toEqual([]);
    expect(
      calendarYearIssues(2027, {
        holidays: [
          { date: '2028-01-01', name: '元旦' },
          { date: '2027-02-06', name: '春节' },
          { date: '2027-02-06', name: '春节' },
        ],
        workdays: [{ date: '2027-02-03', name: '调休' }],
      }),
    ).toEqual([
      { path: 'holidays.0.date', message: '日期须在2027年内' },
      { path: 'holidays.2.date', message: '同一天不能录入两次' },
      { path: 'workdays.0.date', message: '调休上班日应为周六或周日' },
    ]);
  });
});
