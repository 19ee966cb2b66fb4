import Taro from '@tarojs/taro';

/** The signed-in session, kept on the device. Only the token and its expiry; the profile is asked for fresh. */
const KEY = 'skillcert.session';
/** Renew when less than this is left, so a candidate opening the app after a few days stays signed in. */
const RENEW_WITHIN_MS = 2 * 24 * 3_600_000;

interface StoredSession {
  token: string;
  expiresAt: string;
}

export function currentSession(): StoredSession | undefined {
  const stored = Taro.getStorageSync<StoredSession | ''>(KEY);
  if (!stored || !stored.token || Date.parse(stored.expiresAt) <= Date.now()) return undefined;
  return stored;
}

export function saveSession(session: StoredSession): void {
  Taro.setStorageSync(KEY, { token: session.token, expiresAt: session.expiresAt } satisfies StoredSession);
}

export function clearSession(): void {
  Taro.removeStorageSync(KEY);
}

export function needsRenewal(session: StoredSession): boolean {
  return Date.parse(session.expiresAt) - Date.now() < RENEW_WITHIN_MS;
}
