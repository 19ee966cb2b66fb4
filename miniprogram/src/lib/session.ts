import Taro from '@tarojs/taro';
import type { StaffProfile } from '@skillcert/shared';

/** Renew when less than this is left, so a candidate opening the app after a few days stays signed in. */
const RENEW_WITHIN_MS = 2 * 24 * 3_600_000;

interface StoredSession {
  token: string;
  expiresAt: string;
}

/**
 * A sign-in kept on the device: only the token, its expiry and what the pages
 * need to choose where to go. Candidates and staff are kept apart, so a
 * reviewer who is also a candidate on the same phone never mixes the two.
 */
export interface SessionStore<Extra extends object = object> {
  current(): (StoredSession & Extra) | undefined;
  save(session: StoredSession & Extra): void;
  clear(): void;
}

function sessionStore<Extra extends object = object>(key: string, pick: (session: StoredSession & Extra) => StoredSession & Extra): SessionStore<Extra> {
  return {
    current() {
      const stored = Taro.getStorageSync<(StoredSession & Extra) | ''>(key);
      if (!stored || !stored.token || Date.parse(stored.expiresAt) <= Date.now()) return undefined;
      return stored;
    },
    save(session) {
      Taro.setStorageSync(key, pick(session));
    },
    clear() {
      Taro.removeStorageSync(key);
    },
  };
}

/** The candidate's WeChat sign-in. The profile is asked for fresh each time. */
export const candidateSession = sessionStore('skillcert.session', ({ token, expiresAt }) => ({ token, expiresAt }));

/** Staff and institution clerks: the profile rides along to pick their home page and filters. */
export const staffSession = sessionStore<{ staff: StaffProfile }>('skillcert.staff-session', ({ token, expiresAt, staff }) => ({ token, expiresAt, staff }));

export function needsRenewal(session: StoredSession): boolean {
  return Date.parse(session.expiresAt) - Date.now() < RENEW_WITHIN_MS;
}
