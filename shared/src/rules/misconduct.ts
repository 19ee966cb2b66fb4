import { addDays, addYears, formatChineseDate, fromParts, parts, type IsoDate } from '../dates';
import { DomainError } from '../errors';

/** 参评人员须知 (Annex 3 of the Shanghai notice), SPEC §7. */
export interface Offence {
  article: 1 | 2 | 3 | 4;
  severity?: 'minor' | 'serious';
  on: IsoDate;
  /** Article 1: the candidate had already sat — also an article-4(1) offence. */
  afterSitting?: boolean;
  /** Found after the evaluation: results are declared invalid and issued certificates revoked. */
  discoveredAfterEvent?: boolean;
}

export interface Penalty {
  cancels: 'subject' | 'all';
  bannedThrough?: IsoDate;
  voidsCertificates: boolean;
  /** Article 1: fees and materials are not returned. */
  forfeitsFees: boolean;
  /** Article 4, serious: referred to the authorities. */
  referral: boolean;
  /** Chinese summary for the record and the candidate. */
  summary: string;
}

const BAN_YEARS = { minor: 2, serious: 5 } as const;

function banFor(years: number, on: IsoDate): IsoDate {
  return addDays(addYears(on, years), -1);
}

export function penaltyFor(offence: Offence): Penalty {
  const afterEvent = offence.discoveredAfterEvent === true;
  switch (offence.article) {
    case 1: {
      const base = { cancels: 'all' as const, voidsCertificates: true, forfeitsFees: true };
      if (!offence.afterSitting) return { ...base, referral: false, summary: '取消考试资格及考试成绩，考核评价费不予退还，已获得的证书作无效处理' };
      // Also article 4(1): two years or five, and the 须知 leaves which to the evaluators — it is decided, never assumed.
      if (!offence.severity) throw new DomainError('MISCONDUCT_SEVERITY_REQUIRED', '申报材料虚假且已参加考核（第四条第1项），须注明情节轻微或严重');
      const severity = offence.severity;
      return {
        ...base,
        bannedThrough: banFor(BAN_YEARS[severity], offence.on),
        referral: severity === 'serious',
        summary: `取消考试资格及全部成绩，费用不予退还，证书作无效处理；按第四条第1项，${BAN_YEARS[severity]}年内不得参加评价`,
      };
    }
    case 2:
      return { cancels: 'subject', voidsCertificates: afterEvent, forfeitsFees: false, referral: false, summary: '取消当次该科目成绩' };
    case 3:
      return {
        cancels: 'all',
        bannedThrough: fromParts(parts(offence.on).year, 12, 31),
        voidsCertificates: afterEvent,
        forfeitsFees: false,
        referral: false,
        summary: '取消当次全部科目成绩，当年不得参加评价',
      };
    case 4: {
      if (!offence.severity) throw new DomainError('MISCONDUCT_SEVERITY_REQUIRED');
      const years = BAN_YEARS[offence.severity];
      return {
        cancels: 'all',
        bannedThrough: banFor(years, offence.on),
        voidsCertificates: afterEvent,
        forfeitsFees: false,
        referral: offence.severity === 'serious',
        summary:
          offence.severity === 'serious' ? `取消当次全部科目成绩，${years}年内不得参加评价，并移送有关部门` : `取消当次全部科目成绩，${years}年内不得参加评价`,
      };
    }
  }
}

/** The acts each article of the 参评人员须知 names, for the proctor to pick from (SPEC §7). */
export const MISCONDUCT_ACTS: Record<Offence['article'], { title: string; acts: string[] }> = {
  1: { title: '第一条 申报虚假', acts: ['不符合申报条件', '申报材料虚假、伪造'] },
  2: {
    title: '第二条 违反考场纪律（经提醒拒不改正）',
    acts: ['携带禁止携带的物品', '擅自离开座位', '影响考场秩序', '其他违纪行为'],
  },
  3: {
    title: '第三条 作弊',
    acts: ['使用电子设备', '抄袭或协助他人抄袭', '损毁试卷、答题纸', '将试题带出考场', '其他作弊行为'],
  },
  4: {
    title: '第四条 严重作弊',
    acts: [
      '虚假承诺获取参评资格',
      '事先获取或传播试题',
      '抢夺他人试卷或胁迫他人',
      '冒名顶替',
      '串通作弊、组织作弊',
      '故意损坏考场设施设备',
      '其他严重违纪违规行为',
    ],
  },
};

/** What a banned person is told when they try to apply, on any plan of any body. */
export function banMessage(bannedThrough: IsoDate): string {
  return `因违反参评纪律，${formatChineseDate(bannedThrough)}前（含）不得参加评价`;
}
