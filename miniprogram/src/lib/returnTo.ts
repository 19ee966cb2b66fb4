import Taro from '@tarojs/taro';

/** The page the person is on, with its parameters: where to bring them back after signing in again. */
export function currentPageUrl(): string {
  const router = Taro.getCurrentInstance().router;
  const path = router?.path?.split('?')[0] ?? '/pages/index/index';
  const query = Object.entries(router?.params ?? {})
    // Taro adds its own bookkeeping parameters; they are not the page's.
    .filter(([key, value]) => !key.startsWith('$') && !key.startsWith('__') && value !== undefined && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return `${path.startsWith('/') ? path : `/${path}`}${query ? `?${query}` : ''}`;
}

/** A page of this app to go back to, or undefined: never a link elsewhere. */
export function returnPath(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return /^\/(pages|packages)\/[\w/-]+(\?[\w=&%.-]*)?$/.test(path) ? path : undefined;
}

/** To the staff sign-in, which brings the person back to this page afterwards. */
export function staffSignInAgain(): void {
  void Taro.redirectTo({ url: `/packages/staff/login/index?redirect=${encodeURIComponent(currentPageUrl())}` });
}

/** Staff and school clerks sign in with a password on their own page; candidates with WeChat, where they are. */
export function isStaffPage(url: string): boolean {
  return url.startsWith('/packages/staff/') || url.startsWith('/packages/institution/');
}
