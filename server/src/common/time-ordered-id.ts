import { randomBytes } from 'node:crypto';

/**
 * 36-character ids that sort in creation order: milliseconds, then a per-process
 * counter, then randomness. Used where rows made in the same instant must keep
 * their order (an application's timeline).
 */
let lastMs = 0;
let counter = 0;

export function timeOrderedId(now: number = Date.now()): string {
  if (now === lastMs) counter++;
  else {
    lastMs = now;
    counter = 0;
  }
  return `${now.toString(16).padStart(12, '0')}-${(counter % 0x10000).toString(16).padStart(4, '0')}-${randomBytes(9).toString('hex')}`;
}
