import Taro from '@tarojs/taro';
import { paymentDueBy, type ApplicationView } from '@skillcert/shared';

/** The 我的 tab in the bottom bar. */
const ME_TAB = 1;

/** A payment waiting on the candidate is marked (缴费) on the 我的 tab, seen from every tab until it is made (the seat is held only so long). */
export function showPaymentBadge(applications: readonly ApplicationView[]): void {
  const due = applications.some((a) => paymentDueBy(a) !== undefined);
  // Called from a tab page only; outside one (or before the bar exists) WeChat refuses, and there is nothing to mark.
  // A badge holds four half-width characters; longer text is drawn as "…" (WeChat's rule, and Taro's on H5).
  if (due) void Taro.setTabBarBadge({ index: ME_TAB, text: '缴费' }).catch(() => undefined);
  else void Taro.removeTabBarBadge({ index: ME_TAB }).catch(() => undefined);
}
