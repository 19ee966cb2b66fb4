/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MISCONDUCT_ACTS } from '../rules/misconduct';
import { getPlan } from './index';
import type { Plan } from './types';

/**
 * Every rule, notice or instruction of a plan that a person reads is the published notice's own
 * words (SPEC §8, decision on wording): each is found, as written, in the notice it comes from.
 * The notices are kept beside the package (shared/sources/), exactly as received.
 */
const SOURCES: Record<string, string> = { 'shanghai-2026': 'shanghai-2026.txt', 'beijing-2021': 'beijing-2021.txt' };

const BREAK = '¶';

/**
 * The same words, whatever the typesetting: the extracted text mixes full- and half-width
 * punctuation and breaks lines and list marks ("- ") where the page did. Paragraph breaks are kept
 * (as one mark) so that a quotation can be held to end where the notice's sentence ends.
 */
function normalized(text: string): string {
  return text
    .replace(/^\s*-\s+/gm, '')
    .normalize('NFKC')
    .replace(/\s*\n\s*/g, BREAK)
    .replace(/\s+/g, '');
}

function sourceOf(planId: string): string {
  return normalized(readFileSync(join(__dirname, '..', '..', 'sources', SOURCES[planId]!), 'utf8'));
}

/**
 * Whether `text` stands in `source` as written. A whole sentence must also end where the notice's
 * does — at its full stop, semicolon or colon, or the paragraph's end — so that a quotation cut
 * short (article 4 without "并依据有关法律法规移送有关部门") is caught. The quotation's own closing
 * mark may stand where the notice runs on ("…为准：").
 */
function quotedIn(source: string, text: string, wholeSentence = true): boolean {
  const words = normalized(text).replace(/[。;]$/, '');
  const pattern = [...words].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(`${BREAK}?`);
  return new RegExp(wholeSentence ? `${pattern}(?=[。;:${BREAK}]|$)` : pattern).test(source);
}

/** Each text of the plan a candidate or staff member is shown, named for the failure message. */
function quotedTexts(plan: Plan): [string, string][] {
  const texts: [string, string | undefined][] = [
    ...plan.schedule.notes.map((t, i): [string, string] => [`schedule.notes[${i}]`, t]),
    ...plan.assessment.notes.map((t, i): [string, string] => [`assessment.notes[${i}]`, t]),
    ...plan.results.lookup.map((t, i): [string, string] => [`results.lookup[${i}]`, t]),
    ...plan.ticket.channels.map((t, i): [string, string] => [`ticket.channels[${i}]`, t]),
    ['ticket.bring', plan.ticket.bring],
    ...plan.makeup.notes.map((t, i): [string, string] => [`makeup.notes[${i}]`, t]),
    ['payment.paidTimeRule', plan.payment.paidTimeRule],
    ['declaration.group', plan.declaration.group],
    ['declaration.individual', plan.declaration.individual],
    ['collection.group', plan.collection.group],
    ['collection.individual', plan.collection.individual],
    ['acceptancePoint.note', plan.acceptancePoint?.note],
    ...plan.notices.flatMap((n, i): [string, string | undefined][] => [
      [`notices[${i}].title`, n.title],
      [`notices[${i}].intro`, n.intro],
      ...n.items.map((t, j): [string, string] => [`notices[${i}].items[${j}]`, t]),
    ]),
    ...(plan.schedule.kind === 'monthly' ? plan.schedule.windows.map((w): [string, string] => [`schedule.windows[${w.applyMonth}].label`, w.label]) : []),
  ];
  return texts.filter((entry): entry is [string, string] => entry[1] !== undefined);
}

describe.each(Object.keys(SOURCES))('%s: what the app shows is quoted from the notice', (planId) => {
  const source = sourceOf(planId);
  const plan = getPlan(planId);

  it.each(quotedTexts(plan))('%s', (_field, text) => {
    expect({ text, quoted: quotedIn(source, text) }).toEqual({ text, quoted: true });
  });
});

describe('the acts a proctor records are the 参评人员须知’s own', () => {
  const source = sourceOf('shanghai-2026');
  // Article 1 names its two findings inside one sentence; every other act is a whole item.
  const entries = Object.entries(MISCONDUCT_ACTS).flatMap(([article, { heading, acts }]): [string, string, boolean][] => [
    [`第${article}条 heading`, heading, true],
    ...acts.map((act, i): [string, string, boolean] => [`第${article}条 act ${i + 1}`, act, article !== '1']),
  ]);

  it.each(entries)('%s', (_name, text, wholeSentence) => {
    expect({ text, quoted: quotedIn(source, text, wholeSentence) }).toEqual({ text, quoted: true });
  });

  it('leaves none of an article’s numbered items out', () => {
    // 二: 4 items, 三: 5, 四: 7 — as published.
    expect([2, 3, 4].map((a) => MISCONDUCT_ACTS[a as 2 | 3 | 4].acts.length)).toEqual([4, 5, 7]);
  });
});

describe('a paraphrase or a cut is caught', () => {
  const source = sourceOf('shanghai-2026');

  it('article 4 without its referral is not the notice’s sentence', () => {
    expect(quotedIn(source, '四、参评人员有下列行为之一的，取消当次全部科目成绩。情节轻微的，2年内不得参加评价；情节严重的，5年内不得参加评价。')).toBe(false);
  });

  it('a paraphrased act is not the notice’s', () => {
    expect(quotedIn(source, '携带禁止携带的物品')).toBe(false);
  });

  it('the ticket’s old arrival time appears nowhere in the notice', () => {
    expect(quotedIn(source, '于开考前30分钟到达考点', false)).toBe(false);
  });
});
