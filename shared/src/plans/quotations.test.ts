/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MISCONDUCT_ACTS } from '../rules/misconduct';
import { normalizedNotice, quotedIn, quotedTexts } from '../rules/quotations';
import { getPlan } from './index';

/**
 * Every rule, notice or instruction of a plan that a person reads is the published notice's own
 * words (SPEC §8, decision on wording): each is found, as written, in the notice it comes from.
 * The notices are kept beside the package (shared/sources/), exactly as received.
 */
const SOURCES: Record<string, string> = { 'shanghai-2026': 'shanghai-2026.txt', 'beijing-2021': 'beijing-2021.txt' };

function sourceOf(planId: string): string {
  return normalizedNotice(readFileSync(join(__dirname, '..', '..', 'sources', SOURCES[planId]!), 'utf8'));
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
