import type { Plan } from '../plans/types';

/**
 * Every rule, notice or instruction of a plan that a person reads is the published notice's own
 * words (SPEC §8, decision on wording): each is found, as written, in the notice it comes from. The
 * plans shipped with the code are held to it by a test; a plan an admin publishes, at publishing.
 */
const BREAK = '¶';

/**
 * The same words, whatever the typesetting: the extracted text mixes full- and half-width
 * punctuation and breaks lines and list marks ("- ") where the page did. Paragraph breaks are kept
 * (as one mark) so that a quotation can be held to end where the notice's sentence ends.
 */
export function normalizedNotice(text: string): string {
  return text
    .replace(/^\s*-\s+/gm, '')
    .normalize('NFKC')
    .replace(/\s*\n\s*/g, BREAK)
    .replace(/\s+/g, '');
}

/**
 * Whether `text` stands in `source` as written. A whole sentence must also end where the notice's
 * does — at its full stop, semicolon or colon, or the paragraph's end — so that a quotation cut
 * short (article 4 without "并依据有关法律法规移送有关部门") is caught. The quotation's own closing
 * mark may stand where the notice runs on ("…为准：").
 */
export function quotedIn(source: string, text: string, wholeSentence = true): boolean {
  const words = normalizedNotice(text).replace(/[。;]$/, '');
  const pattern = [...words].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(`${BREAK}?`);
  return new RegExp(wholeSentence ? `${pattern}(?=[。;:${BREAK}]|$)` : pattern).test(source);
}

/** Each text of the plan a candidate or staff member is shown, named for the failure message. */
export function quotedTexts(plan: Plan): [string, string][] {
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

/** The texts of a plan not found in its notice, by field: what stops it being published. `source`: the notice as `normalizedNotice` made it. */
export function unquotedTexts(plan: Plan, notice: string): { path: string; text: string }[] {
  const source = normalizedNotice(notice);
  return quotedTexts(plan)
    .filter(([, text]) => !quotedIn(source, text))
    .map(([path, text]) => ({ path, text }));
}
