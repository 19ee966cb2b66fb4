import { paymentReminderEmail, seatHoldNotice, thingValue, ticketNoticeData, ticketNoticeEmail } from './notices';

describe('notices', () => {
  it('keeps a thing within WeChat’s 20 characters, counting characters, not bytes', () => {
    expect(thingValue('上海市虹口区天宝路879号B楼413室')).toBe('上海市虹口区天宝路879号B楼413室');
    const long = '上海市虹口区天宝路879号B楼413室（近四川北路，请从东门进入）';
    expect([...thingValue(long)]).toHaveLength(20);
    expect(thingValue(long).endsWith('…')).toBe(true);
    expect([...thingValue('𠀀'.repeat(30))]).toHaveLength(20);
  });

  it('fills the ticket template and the e-mail from the seat', () => {
    const facts = { planId: 'shanghai-2026', level: 3 as const, sessionDate: '2026-03-27', site: '上海市虹口区天宝路879号' };
    const data = ticketNoticeData(facts);
    expect(data).toEqual({
      thing1: { value: '呼叫中心服务员（三级）' },
      date2: { value: '2026年3月27日' },
      thing3: { value: '上海市虹口区天宝路879号' },
      thing4: { value: '准考证已可下载，请按时参加考核' },
    });
    for (const [key, { value }] of Object.entries(data)) if (key.startsWith('thing')) expect([...value].length).toBeLessThanOrEqual(20);
    const mail = ticketNoticeEmail({ ...facts, name: '陈同学' });
    expect(mail.subject).toBe('准考证已可下载：呼叫中心服务员（三级） 2026年3月27日');
    expect(mail.text).toContain('陈同学，您好');
    // What to bring is quoted from the notice (ticket.bring), never a rule of our own.
    expect(mail.text).toContain('凭准考证及有效证件参加考试。');
    expect(mail.text).not.toContain('身份证原件');
  });
});

describe("the seat hold, said as the body's rule", () => {
  it('the reminder says until when the seat is kept, and nothing of 报名失效 (no notice says it)', () => {
    const mail = paymentReminderEmail({ name: '李同学', planId: 'shanghai-2026', level: 4, feeFen: 40000, deadline: '2026年3月17日 10:00' });
    expect(mail.text).toContain('按评价机构规定，考位保留至2026年3月17日 10:00，逾期未缴费将释放考位。');
    expect(mail.text).not.toContain('报名失效');
    expect(seatHoldNotice('3月17日')).toBe('按评价机构规定，考位保留至3月17日，逾期未缴费将释放考位');
  });
});
