import { thingValue, ticketNoticeData, ticketNoticeEmail } from './notices';

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
  });
});
