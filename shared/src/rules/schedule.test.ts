import { applicationWindow, acceptancePointStatus, windowStage } from './schedule';

describe('Shanghai 2026 monthly windows', () => {
  it('January takes no applications and says when February opens', () => {
    expect(applicationWindow('shanghai-2026', 4, '2026-01-20')).toMatchObject({ open: false, nextOpensOn: '2026-02-01' });
  });

  it.each([
    ['2026-02-01', '2026-02-28', '2026-03-31'],
    ['2026-03-15', '2026-03-31', '2026-04-30'],
    ['2026-06-30', '2026-06-30', '2026-07-31'],
    ['2026-11-30', '2026-11-30', '2026-12-31'],
  ])('applying on %s closes %s, assessed by %s', (on, closesOn, assessBy) => {
    expect(applicationWindow('shanghai-2026', 3, on)).toMatchObject({ open: true, closesOn, assessBy });
  });

  it("December is assessed by the end of December, or by next year's notice", () => {
    const window = applicationWindow('shanghai-2026', 5, '2026-12-10');
    expect(window).toMatchObject({ open: true, closesOn: '2026-12-31', assessBy: '2026-12-31' });
    expect(window.note).toContain('次年公告');
  });

  it('outside 2026 the plan does not apply', () => {
    expect(applicationWindow('shanghai-2026', 4, '2025-12-01')).toMatchObject({ open: false, nextOpensOn: '2026-02-01' });
    expect(applicationWindow('shanghai-2026', 4, '2027-02-01')).toMatchObject({ open: false });
    expect(applicationWindow('shanghai-2026', 4, '2027-02-01').nextOpensOn).toBeUndefined();
  });

  it('a level the plan does not offer is never open', () => {
    expect(applicationWindow('shanghai-2026', 2, '2026-03-01')).toMatchObject({ open: false, note: '本计划不开展二级/技师认定' });
  });
});

describe('Beijing 2021 batches', () => {
  it.each([
    ['2021-03-28', 4, { open: false, nextOpensOn: '2021-03-29' }],
    ['2021-03-29', 4, { open: true, closesOn: '2021-04-11', assessBy: '2021-04-24' }],
    ['2021-04-11', 4, { open: true, closesOn: '2021-04-11', assessBy: '2021-04-24' }],
    ['2021-04-12', 4, { open: true, closesOn: '2021-06-13', assessBy: '2021-06-26' }],
    ['2021-06-14', 4, { open: true, closesOn: '2021-08-08', assessBy: '2021-08-21' }],
    ['2021-08-09', 4, { open: true, closesOn: '2021-11-14', assessBy: '2021-11-27' }],
    ['2021-11-14', 4, { open: true, closesOn: '2021-11-14', assessBy: '2021-11-27' }],
    ['2021-11-15', 4, { open: false }],
    ['2021-03-29', 3, { open: true, closesOn: '2021-10-10', assessBy: '2021-10-23' }],
    ['2021-10-10', 3, { open: true, closesOn: '2021-10-10', assessBy: '2021-10-23' }],
    ['2021-10-11', 3, { open: false }],
  ] as const)('on %s level %i → %o', (on, level, expected) => {
    const window = applicationWindow('beijing-2021', level, on);
    expect(window).toMatchObject(expected);
    if (!expected.open) expect(window.closesOn).toBeUndefined();
  });

  it('levels 2 and 1 have no batches', () => {
    expect(applicationWindow('beijing-2021', 2, '2021-05-01').open).toBe(false);
  });
});

describe('acceptance point', () => {
  // Instants in UTC; Shanghai is UTC+8.
  it('open on a working day inside the hours', () => {
    expect(acceptancePointStatus('shanghai-2026', new Date('2026-03-27T01:30:00Z'))).toMatchObject({ open: true, label: '正在办公（至11:00）' });
  });

  it('closed at lunch, after hours, and on holidays', () => {
    expect(acceptancePointStatus('shanghai-2026', new Date('2026-03-27T04:00:00Z'))).toMatchObject({ open: false, label: '暂未办公（13:30开始）' });
    expect(acceptancePointStatus('shanghai-2026', new Date('2026-03-27T08:30:00Z'))).toMatchObject({ open: false, label: '今日已下班' });
    expect(acceptancePointStatus('shanghai-2026', new Date('2026-10-02T02:00:00Z'))).toMatchObject({
      open: false,
      label: '今天是非工作日（国庆节），暂停办公',
    });
  });

  it('open on a 调休 Saturday', () => {
    expect(acceptancePointStatus('shanghai-2026', new Date('2026-02-14T06:00:00Z'))).toMatchObject({ open: true });
  });

  it('Beijing publishes no acceptance point', () => {
    expect(acceptancePointStatus('beijing-2021', new Date('2021-05-10T02:00:00Z'))).toBeUndefined();
  });

  it('names where a window stands: open, opening later, or over (the ended 2021 plan is not "not yet open")', () => {
    expect(windowStage(applicationWindow('shanghai-2026', 4, '2026-03-10'))).toBe('open');
    expect(windowStage(applicationWindow('shanghai-2026', 4, '2026-01-20'))).toBe('upcoming');
    expect(windowStage(applicationWindow('shanghai-2026', 4, '2027-01-20'))).toBe('ended');
    expect(windowStage(applicationWindow('beijing-2021', 4, '2026-03-10'))).toBe('ended');
  });
});
