import { aCandidate } from '../testing/aCandidate';
import { describeFacts } from './factsSummary';

describe('describeFacts: the declared facts as a reviewer reads them', () => {
  it('names the school, the major and the final year, and sums the work to the application date', () => {
    const facts = aCandidate()
      .born('2008-09-01')
      .withDiploma('secondary-vocational', { finalYear: true, graduatedOn: undefined })
      .worked('2024-03-01', '2025-02-28')
      .worked('2025-06-01', undefined, 'related')
      .withCertificate(5, '2024-12-20')
      .build();
    expect(describeFacts(facts, '2026-03-10')).toEqual([
      { title: '出生日期', lines: ['2008年9月1日'] },
      { title: '学历', lines: ['中等职业学校 · 本专业 · 在读应届毕业生'] },
      { title: expect.stringMatching(/^工作经历（累计1年\d+天）$/), lines: ['本职业 · 2024年3月1日至2025年2月28日', '相关职业 · 2025年6月1日至今'] },
      { title: '已有证书', lines: ['五级 · 本职业 · 2024年12月20日发证'] },
    ]);
  });

  it('says when there is no work yet but the candidate intends to work', () => {
    const sections = describeFacts(aCandidate().intendingToWork().build(), '2026-03-10');
    expect(sections).toEqual([
      { title: '出生日期', lines: ['1990年6月15日'] },
      { title: '工作经历', lines: ['无，拟从事本职业或相关职业工作'] },
    ]);
  });
});
