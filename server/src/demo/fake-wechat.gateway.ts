import { Injectable } from '@nestjs/common';
import { DomainError } from '@skillcert/shared';
import { WechatClient } from '../wechat/wechat.client';

/**
 * Demo and test only: asks the bundled fake WeChat for the codes a phone's
 * WeChat runtime would hand the mini program (wx.login, the phone button).
 * Only the demo module has one; against real WeChat these would fail.
 */
@Injectable()
export class FakeWechatGateway {
  constructor(private readonly wechat: WechatClient) {}

  loginCode(persona: string): Promise<{ code: string }> {
    return this.issue('/__fake/login-code', { persona });
  }

  phoneCode(phone: string): Promise<{ code: string }> {
    return this.issue('/__fake/phone-code', { phone });
  }

  /** The H5 demo has no requestPayment: the fake's user pays the order, and WeChat's notification follows. */
  async completePayment(outTradeNo: string): Promise<void> {
    try {
      const response = await fetch(`${this.wechat.baseUrl}/__fake/pay`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ outTradeNo }),
        signal: AbortSignal.timeout(5000),
      });
      if (response.ok) return;
    } catch {
      // fall through
    }
    throw new DomainError('PAYMENT_UNAVAILABLE');
  }

  /** Demo and test: the user's accept, told to the fake WeChat as the subscribe dialog would tell the real one. */
  async acceptSubscription(openid: string, templateId: string): Promise<void> {
    await fetch(`${this.wechat.baseUrl}/__fake/subscribe-accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ openid, templateId }),
      signal: AbortSignal.timeout(5000),
    }).catch(() => undefined);
  }

  private async issue(path: string, body: Record<string, string>): Promise<{ code: string }> {
    try {
      const response = await fetch(`${this.wechat.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
      const payload = (await response.json()) as { code?: unknown };
      if (typeof payload.code === 'string') return { code: payload.code };
    } catch {
      // fall through
    }
    throw new DomainError('WECHAT_UNAVAILABLE');
  }
}
