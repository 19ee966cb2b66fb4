import Taro from '@tarojs/taro';
import type { ProfileRequest, SessionResponse } from '@skillcert/shared';
import { candidateSession, needsRenewal } from '../lib/session';
import { api, type ApiResult } from './client';
import { IN_CLOUD_HOSTING } from './transport';

/**
 * Sign-in: wx.login()'s code goes to our server, which asks WeChat who it is.
 * The H5 demo has no wx.login(); there the server's demo endpoint has the
 * bundled fake WeChat issue the code, and the same sign-in path follows.
 */
async function loginCode(): Promise<ApiResult<{ code: string }>> {
  if (process.env.TARO_ENV === 'h5') return api('demoLoginCode', { body: { persona: demoPersona() } });
  try {
    const { code } = await Taro.login();
    return { ok: true, data: { code } };
  } catch {
    return { ok: false, error: { code: 'WECHAT_LOGIN_FAILED', message: '微信登录失败，请重新进入小程序后再试' } };
  }
}

/** One demo WeChat user per browser, so the H5 demo behaves like one phone. */
function demoPersona(): string {
  const key = 'skillcert.demo-persona';
  let persona = Taro.getStorageSync<string>(key);
  if (!persona) {
    persona = `demo-${Math.random().toString(36).slice(2, 10)}`;
    Taro.setStorageSync(key, persona);
  }
  return persona;
}

export async function signIn(): Promise<ApiResult<SessionResponse>> {
  let session: ApiResult<SessionResponse>;
  // In WeChat Cloud Hosting the platform names the user to the server: no code to exchange.
  if (IN_CLOUD_HOSTING) session = await api('signInInCloud');
  else {
    const code = await loginCode();
    if (!code.ok) return code;
    session = await api('signInWithWechat', { body: code.data });
  }
  if (session.ok) candidateSession.save(session.data);
  return session;
}

export async function signOut(): Promise<void> {
  if (candidateSession.current()) await api('signOut');
  candidateSession.clear();
}

/** Renews a session that is close to expiry; called when the app starts. */
export async function renewIfNeeded(): Promise<void> {
  const session = candidateSession.current();
  if (!session || !needsRenewal(session)) return;
  const renewed = await api('refreshSession');
  if (renewed.ok) candidateSession.save(renewed.data);
}

export const meApi = {
  me: () => api('me'),
  saveProfile: (profile: ProfileRequest) => api('saveProfile', { body: profile }),
  savePhone: (code: string) => api('savePhone', { body: { code } }),
  demoPhoneCode: (phone: string) => api('demoPhoneCode', { body: { phone } }),
};
