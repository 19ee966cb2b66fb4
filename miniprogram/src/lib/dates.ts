import { shanghaiDate, type IsoDate } from '@skillcert/shared';

/** Today's Shanghai date from the device clock — read here, at the page edge, and passed into the rules. */
export function todayInShanghai(): IsoDate {
  return shanghaiDate(new Date());
}
