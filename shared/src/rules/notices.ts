import { formatChineseDate, type IsoDate } from '../dates';
import { formatAmount, getPlan, occupationLevel } from '../plans';
import type { Level } from '../types';

/**
 * The words of the messages candidates are sent. A subscribe message is filled
 * into a template WeChat approved: each `thing` value at most 20 characters,
 * or WeChat refuses the whole message (47003) — so the cut is made here, once.
 */
export const THING_MAX = 20;

export function thingValue(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= THING_MAX ? chars.join('') : `${chars.slice(0, THING_MAX - 1).join('')}…`;
}

export type SubscribeData = Record<string, { value: string }>;

export interface TicketNoticeFacts {
  planId: string;
  level: Level;
  sessionDate: IsoDate;
  site: string;
}

/** The "ticket available" template: 考试项目 · 考试日期 · 考试地点 · 温馨提示. */
export function ticketNoticeData(facts: TicketNoticeFacts): SubscribeData {
  return {
    thing1: { value: thingValue(occupationLevel(facts.planId, facts.level)) },
    date2: { value: formatChineseDate(facts.sessionDate) },
    thing3: { value: thingValue(facts.site) },
    thing4: { value: thingValue('准考证已可下载，请按时参加考核') },
  };
}

/** The e-mail that carries the ticket PDF. */
export function ticketNoticeEmail(facts: TicketNoticeFacts & { name: string }): { subject: string; text: string } {
  const plan = getPlan(facts.planId);
  return {
    subject: `准考证已可下载：${occupationLevel(facts.planId, facts.level)} ${formatChineseDate(facts.sessionDate)}`,
    text: [
      `${facts.name}，您好：`,
      '',
      `您报名的${plan.title}（${occupationLevel(facts.planId, facts.level)}）准考证已可下载，见附件。`,
      `考核日期：${formatChineseDate(facts.sessionDate)}`,
      `考核地点：${facts.site}`,
      '',
      // What to bring, in the notice's own words (Shanghai: 凭准考证及有效证件参加考试); nothing added where a notice says nothing.
      `${plan.ticket.bring ? `${plan.ticket.bring}。` : ''}也可在小程序“我的报名”中查看准考证。`,
      '',
      plan.body.name,
    ].join('\n'),
  };
}

/** The "results published" template: 考试项目 · 考试结果 · 发布日期 · 温馨提示 (a phrase is at most 5 characters). */
export function resultsNoticeData(facts: { planId: string; level: Level; passed: boolean; publishedOn: IsoDate }): SubscribeData {
  return {
    thing1: { value: thingValue(occupationLevel(facts.planId, facts.level)) },
    phrase2: { value: facts.passed ? '合格' : '不合格' },
    date3: { value: formatChineseDate(facts.publishedOn) },
    thing4: { value: thingValue(facts.passed ? '各科均合格，证书制作后另行通知' : '点击查看各科成绩与补考安排') },
  };
}

export function resultsNoticeEmail(facts: { name: string; planId: string; level: Level; passed: boolean; lines: string[] }): { subject: string; text: string } {
  return {
    subject: `成绩已发布：${occupationLevel(facts.planId, facts.level)} ${facts.passed ? '合格' : '不合格'}`,
    text: [
      `${facts.name}，您好：`,
      '',
      `您参加的${occupationLevel(facts.planId, facts.level)}考核成绩已发布：`,
      ...facts.lines,
      '',
      '详情请在小程序“我的报名”中查看。',
    ].join('\n'),
  };
}

export type ReviewOutcome = 'approved' | 'returned' | 'rejected';
const REVIEW_PHRASE: Record<ReviewOutcome, string> = { approved: '审核通过', returned: '退回修改', rejected: '未通过' };
const REVIEW_NEXT: Record<ReviewOutcome, string> = {
  approved: '请在缴费期限内完成缴费',
  returned: '请按审核意见修改后重新提交',
  rejected: '点击查看审核意见',
};

/** The "review result" template: 申报项目 · 审核结果 · 说明. */
export function reviewNoticeData(facts: { planId: string; level: Level; outcome: ReviewOutcome; note?: string }): SubscribeData {
  return {
    thing1: { value: thingValue(occupationLevel(facts.planId, facts.level)) },
    phrase2: { value: REVIEW_PHRASE[facts.outcome] },
    thing3: { value: thingValue(facts.note?.trim() || REVIEW_NEXT[facts.outcome]) },
  };
}

export function reviewNoticeEmail(facts: { name: string; planId: string; level: Level; outcome: ReviewOutcome; note?: string }): {
  subject: string;
  text: string;
} {
  return {
    subject: `审核结果：${occupationLevel(facts.planId, facts.level)} ${REVIEW_PHRASE[facts.outcome]}`,
    text: [
      `${facts.name}，您好：`,
      '',
      `您申报的${occupationLevel(facts.planId, facts.level)}审核结果：${REVIEW_PHRASE[facts.outcome]}。`,
      ...(facts.note?.trim() ? [`审核意见：${facts.note.trim()}`] : []),
      REVIEW_NEXT[facts.outcome],
      '',
      '详情请在小程序“我的报名”中查看。',
    ].join('\n'),
  };
}

/**
 * The seat held for an approved candidate until the payment deadline: the body's own operating rule,
 * not the notice's — said as the body's rule (the seat is released), never as 报名失效, which no notice says.
 */
export function seatHoldNotice(deadline: string): string {
  return `按评价机构规定，考位保留至${deadline}，逾期未缴费将释放考位`;
}

/** The e-mail a day before the payment deadline: the seat goes if the fee has not arrived by then. */
export function paymentReminderEmail(facts: { name: string; planId: string; level: Level; feeFen: number; deadline: string }): {
  subject: string;
  text: string;
} {
  return {
    subject: `缴费提醒：${occupationLevel(facts.planId, facts.level)}考核费请于${facts.deadline}前缴纳`,
    text: [
      `${facts.name}，您好：`,
      '',
      `您报名的${occupationLevel(facts.planId, facts.level)}已审核通过，考核费${formatAmount(facts.feeFen)}。${seatHoldNotice(facts.deadline)}。`,
      '可在小程序“我的报名”中使用微信支付，或按页面所示账户银行转账。',
    ].join('\n'),
  };
}
