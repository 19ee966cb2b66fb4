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
      // Quoted from 第一条: 将取消其考试资格及考试成绩，虚假材料及考核评价费不予退还，已获得的证书作无效处理.
      const first = '取消其考试资格及考试成绩，虚假材料及考核评价费不予退还，已获得的证书作无效处理';
      if (!offence.afterSitting) return { ...base, referral: false, summary: first };
      // Also article 4(1): two years or five, and the 须知 leaves which to the evaluators — it is decided, never assumed.
      if (!offence.severity) throw new DomainError('MISCONDUCT_SEVERITY_REQUIRED', '申报材料虚假且已参加考核（第四条第1项），须注明情节轻微或严重');
      const severity = offence.severity;
      return {
        ...base,
        bannedThrough: banFor(BAN_YEARS[severity], offence.on),
        referral: severity === 'serious',
        summary: `${first}；按第四条第1项，${BAN_YEARS[severity]}年内不得参加评价${severity === 'serious' ? '，并依据有关法律法规移送有关部门' : ''}`,
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
          // 第四条 as written: the referral whole (并依据有关法律法规移送有关部门).
          offence.severity === 'serious'
            ? `取消当次全部科目成绩，${years}年内不得参加评价，并依据有关法律法规移送有关部门`
            : `取消当次全部科目成绩，${years}年内不得参加评价`,
      };
    }
  }
}

/**
 * The acts each article of the 参评人员须知 names, for the proctor to pick from (SPEC §7): quoted item
 * by item, none left out, without the item's number and closing semicolon. `heading` is the article's
 * own first sentence; article 1 names its two findings inside its paragraph.
 */
export const MISCONDUCT_ACTS: Record<Offence['article'], { title: string; heading: string; acts: string[] }> = {
  1: {
    title: '第一条',
    heading: '一经查实存在不符合申报条件或申报材料虚假伪造的，将取消其考试资格及考试成绩，虚假材料及考核评价费不予退还，已获得的证书作无效处理。',
    acts: ['不符合申报条件', '申报材料虚假伪造'],
  },
  2: {
    title: '第二条',
    heading: '参评人员有下列行为之一的，取消当次该科目成绩。',
    acts: [
      '携带禁携物品（包括与评价内容相关的书籍、资料、电子产品、通讯设备以及规定以外的工具等）进入座位（或考位）或未将禁携物品放在指定位置，经提醒拒不改正的',
      '未在规定的座位（或考位）参加评价，或未经工作人员允许擅自离开座位（或考位），经提醒拒不改正的',
      '在考场（或考区）禁止的范围内，喧哗、吸烟或实施其他影响考场秩序的行为，经提醒拒不改正的',
      '其他违反考场规则但尚未构成作弊的行为',
    ],
  },
  3: {
    title: '第三条',
    heading: '参评人员有下列行为之一的，取消当次全部科目成绩，且当年不得参加评价。',
    acts: [
      '在评价过程中使用规定以外的带拍照、存储、传输或通讯功能的电子设备（如相机、手机、耳机、U盘、手提电脑、智能手表、智能手环等）或其他电子用品的',
      '抄袭或协助他人抄袭试题答案或与评价内容相关资料等的',
      '故意损毁试卷、工件或考试材料的',
      '擅自将试题、答卷或者有关内容带出考场的',
      '存在其他作弊但对其他应试人员未造成严重干扰的行为',
    ],
  },
  4: {
    title: '第四条',
    heading: '参评人员有下列行为之一的，取消当次全部科目成绩。情节轻微的，2年内不得参加评价；情节严重的，5年内不得参加评价，并依据有关法律法规移送有关部门。',
    acts: [
      '通过虚假承诺、提供虚假材料以及其他非正当手段取得参加评价资格的',
      '评价前以非正当手段获得试题或答案或进行传播的',
      '抢夺、窃取他人试卷或胁迫他人配合作弊、偷换工量器具或工件等的',
      '由他人冒名顶替参加评价或替他人参加评价的',
      '串通作弊或参与有组织作弊的',
      '故意损毁评价设备（含视频监控系统）、材料，造成设备事故、人身伤害或设备主要零部件损坏的',
      '其他影响恶劣或严重扰乱评价管理秩序的行为',
    ],
  },
};

/** What a banned person is told when they try to apply, on any plan of any body. */
export function banMessage(bannedThrough: IsoDate): string {
  return `因违反参评纪律，${formatChineseDate(bannedThrough)}前（含）不得参加评价`;
}
