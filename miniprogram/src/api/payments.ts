import Taro from '@tarojs/taro';
import type { ApplicationView, WechatPaymentStart } from '@skillcert/shared';
import { api, type ApiResult } from './client';
import { applicationsApi } from './applications';

const id = encodeURIComponent;

/**
 * Paying by WeChat: the server orders and signs; the phone shows WeChat's own
 * payment sheet; then the app asks the server, which believes only WeChat.
 * On the H5 demo there is no payment sheet: the bundled fake WeChat "pays".
 */
export async function payByWechat(applicationId: string): Promise<ApiResult<ApplicationView> | undefined> {
  const started = await api<WechatPaymentStart>('POST', `/api/applications/${id(applicationId)}/payments/wechat`);
  if (!started.ok) return started;
  if (process.env.TARO_ENV === 'h5') return api<ApplicationView>('POST', `/api/applications/${id(applicationId)}/payments/wechat/demo-complete`);
  try {
    await Taro.requestPayment({ ...started.data.params });
  } catch {
    return undefined; // closed the sheet: nothing paid, nothing to say
  }
  return untilPaid(applicationId);
}

/** WeChat's notification usually lands within a second or two; the order query catches it otherwise. */
async function untilPaid(applicationId: string): Promise<ApiResult<ApplicationView>> {
  let latest = await applicationsApi.one(applicationId);
  for (let attempt = 0; attempt < 5 && latest.ok && latest.data.state !== 'paid'; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    latest = await applicationsApi.one(applicationId);
  }
  return latest;
}
