import { formatChineseDate, formatDuration, type IsoDate } from '../dates';
import { LEVEL_SHORT } from '../plans';
import type { ApplicantFacts, OccupationMatch } from '../types';
import { MAJOR_NAMES, SCHOOL_NAMES, TITLE_NAMES } from './eligibility';
import { cumulativeWorkDays } from './workSpans';

export interface FactsSection {
  title: string;
  lines: string[];
}

const OCCUPATION_NAMES: Record<OccupationMatch, string> = { same: '本职业', related: '相关职业' };

/**
 * The declared facts in the words of the application form — what a reviewer
 * reads beside the proof, and what the candidate sees when correcting.
 * `on` is the application date: running work periods are counted to it.
 */
export function describeFacts(facts: ApplicantFacts, on: IsoDate): FactsSection[] {
  const sections: FactsSection[] = [{ title: '出生日期', lines: [formatChineseDate(facts.birthDate)] }];
  if (facts.diplomas.length) {
    sections.push({
      title: '学历',
      lines: facts.diplomas.map((d) =>
        [
          SCHOOL_NAMES[d.school],
          MAJOR_NAMES[d.major],
          d.finalYear ? '在读应届毕业生' : d.graduatedOn ? `${formatChineseDate(d.graduatedOn)}毕业` : '毕业日期未填',
          ...(d.evaluated ? ['院校经评估论证'] : []),
        ].join(' · '),
      ),
    });
  }
  if (facts.work.length) {
    sections.push({
      title: `工作经历（累计${formatDuration(cumulativeWorkDays(facts.work, on))}）`,
      lines: facts.work.map((w) => `${OCCUPATION_NAMES[w.occupation]} · ${formatChineseDate(w.from)}至${w.to ? formatChineseDate(w.to) : '今'}`),
    });
  } else if (facts.intendsToWork) {
    sections.push({ title: '工作经历', lines: ['无，拟从事本职业或相关职业工作'] });
  }
  if (facts.certificates.length) {
    sections.push({
      title: '已有证书',
      lines: facts.certificates.map((c) => `${LEVEL_SHORT[c.level]} · ${OCCUPATION_NAMES[c.occupation]} · ${formatChineseDate(c.issuedOn)}发证`),
    });
  }
  if (facts.titles.length) {
    sections.push({
      title: '专业技术职称',
      lines: facts.titles.map(
        (t) => `${TITLE_NAMES[t.grade]} · ${t.matchesMajor ? '符合专业对应关系' : '专业不对应'} · ${formatChineseDate(t.obtainedOn)}取得`,
      ),
    });
  }
  if (facts.trainings.length) {
    sections.push({ title: '培训', lines: facts.trainings.map((t) => `${LEVEL_SHORT[t.forLevel]}培训 · ${formatChineseDate(t.completedOn)}结业`) });
  }
  if (facts.technicianClassStudent) sections.push({ title: '在读', lines: ['技师学院预备技师班、技师班学生'] });
  return sections;
}
