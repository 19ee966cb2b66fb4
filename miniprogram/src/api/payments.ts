import Taro from '@tarojs/taro';
import type { ApplicationView } from '@skillcert/shared';
import { api, type ApiResult } from './client';
import { applicationsApi } from './applications';

/**
 * Paying by WeChat: the server orders and signs; the phone shows WeChat's own
 * payment sheet; then the app asks the server, which believes only WeChat.
 * On the H5 demo there is no payment sheet: the bundled fake WeChat "pays".
 */
export async function payByWechat(applicationId: string): Promise<ApiResult<ApplicationView> | undefined> {
  const started = await api('payByWechat', { params: { id: applicationId } });
  if (!started.ok) return started;
  if (process.env.TARO_ENV === 'h5') return api('demoCompletePayment', { params: { id: applicationId } });
  try {
    await Taro.requestPayment({ ...started.data.params });
  } catch {
    return undefined; // closed the sheet: nothing paid, nothing to say
  }
  // WeChat allows asking in the payment's own callback: once, here, for the messages that follow.
  await askForMessages();
  return untilPaid(applicationId);
}

/** The server asks WeChat about the order now; until WeChat confirms, the application reads “paying”. */
export function checkWechatPayment(applicationId: string): Promise<ApiResult<ApplicationView>> {
  return api('checkWechatPayment', { params: { id: applicationId } });
}

/** The three subscribe messages, asked for once after paying; each accept is kept by the server as one message allowed. */
async function askForMessages(): Promise<void> {
  const offered = await api('subscriptions');
  if (!offered.ok) return;
  const tmplIds = offered.data.templates.map((t) => t.templateId);
  try {
    const answer = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, string>;
    const choices = tmplIds.flatMap((templateId) => {
      const choice = answer[templateId];
      return choice === 'accept' || choice === 'reject' || choice === 'ban' || choice === 'filter' ? [{ templateId, choice } as const] : [];
    });
    if (choices.length) await api('recordSubscriptions', { body: { choices } });
  } catch {
    // Declined or unsupported: the app simply does not send those messages.
  }
}

/** WeChat's notification usually lands within a second or two; each check also asks WeChat directly. */
async function untilPaid(applicationId: string): Promise<ApiResult<ApplicationView>> {
  let latest = await checkWechatPayment(applicationId);
  for (let attempt = 0; attempt < 4 && latest.ok && latest.data.state !== 'paid'; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    latest = await applicationsApi.one(applicationId);
  }
  return latest;
}
