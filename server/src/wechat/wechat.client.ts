import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@skillcert/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';

/**
 * The one way to WeChat's servers. Its base URL is configuration: WeChat in
 * production, the bundled fake in tests and the demo. session_key is dropped
 * the moment it arrives: nothing here needs it and it must never leave.
 */
interface WechatError {
  errcode?: number;
  errmsg?: string;
}

const TOKEN_INVALID = 40001;
/** The user has no accepted subscription left for this template: never worth retrying. */
const NO_SUBSCRIPTION = 43101;
const SYSTEM_BUSY = -1;
const RATE_LIMITED = 45011;
const RISKY_USER = 40226;
/** Refresh this long before WeChat's stated expiry, so a token never dies mid-request. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const TIMEOUT_MS = 5_000;

@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);
  private token?: { value: string; expiresAt: number };
  private tokenInFlight?: Promise<string>;
  private apiBase: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.apiBase = config.wechat.apiBase ?? '';
  }

  get baseUrl(): string {
    return this.apiBase;
  }

  /** Set once at start-up when the demo starts its own fake. */
  useApiBase(url: string): void {
    this.apiBase = url;
  }

  async code2Session(code: string): Promise<{ openid: string; unionid?: string }> {
    const query = new URLSearchParams({ appid: this.config.wechat.appId, secret: this.config.wechat.secret, js_code: code, grant_type: 'authorization_code' });
    const body = await this.call<{ openid?: string; unionid?: string } & WechatError>('GET', `/sns/jscode2session?${query}`);
    if (body.openid) return { openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) };
    throw this.failure('WECHAT_LOGIN_FAILED', body);
  }

  async phoneNumber(code: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const body = await this.call<{ phone_info?: { purePhoneNumber?: string } } & WechatError>(
        'POST',
        await this.withToken('/wxa/business/getuserphonenumber', attempt > 0),
        { code },
      );
      const phone = body.phone_info?.purePhoneNumber;
      if (phone) return phone;
      if (body.errcode === TOKEN_INVALID && attempt === 0) continue;
      throw this.failure('WECHAT_PHONE_FAILED', body);
    }
  }

  /**
   * One subscribe message. 'no-credit': the user has no accept left (43101) —
   * final. Busy, unreachable or any other refusal throws, for the outbox to retry
   * later; an expired token is refreshed and the message tried once more at once.
   */
  async sendSubscribeMessage(message: {
    touser: string;
    templateId: string;
    page: string;
    data: Record<string, { value: string }>;
  }): Promise<'sent' | 'no-credit'> {
    for (let attempt = 0; ; attempt++) {
      const body = await this.call<WechatError>('POST', await this.withToken('/cgi-bin/message/subscribe/send', attempt > 0), {
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: this.config.env === 'production' ? 'formal' : 'developer',
        lang: 'zh_CN',
      });
      if (!body.errcode) return 'sent';
      if (body.errcode === TOKEN_INVALID && attempt === 0) continue;
      if (body.errcode === NO_SUBSCRIPTION) return 'no-credit';
      this.logger.warn(`WeChat refused a subscribe message: ${body.errcode} ${body.errmsg ?? ''}`);
      throw new WechatSendError(body.errcode, body.errmsg ?? '', body.errcode === SYSTEM_BUSY);
    }
  }

  /**
   * A server API's path with the access token it needs — or, in WeChat Cloud
   * Hosting, without one: the platform's open-API service signs the container's
   * calls to api.weixin.qq.com itself.
   */
  private async withToken(path: string, forceRefresh: boolean): Promise<string> {
    if (this.config.wechat.cloudHosting) return path;
    return `${path}?access_token=${encodeURIComponent(await this.accessToken(forceRefresh))}`;
  }

  /** The stable access token, cached and shared by every caller; one refresh at a time. */
  async accessToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.token && this.token.expiresAt > Date.now()) return this.token.value;
    this.tokenInFlight ??= this.fetchToken(forceRefresh).finally(() => (this.tokenInFlight = undefined));
    return this.tokenInFlight;
  }

  private async fetchToken(forceRefresh: boolean): Promise<string> {
    const body = await this.call<{ access_token?: string; expires_in?: number } & WechatError>('POST', '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: this.config.wechat.appId,
      secret: this.config.wechat.secret,
      force_refresh: forceRefresh,
    });
    if (!body.access_token) throw this.failure('WECHAT_UNAVAILABLE', body);
    this.token = { value: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 7200) * 1000 - TOKEN_MARGIN_MS };
    return this.token.value;
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    if (!this.apiBase) throw new DomainError('WECHAT_UNAVAILABLE');
    let response: Response;
    try {
      response = await fetch(`${this.apiBase}${path}`, {
        method,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      });
    } catch (error) {
      this.logger.warn(`WeChat ${method} ${path.split('?')[0]} unreachable: ${error instanceof Error ? error.message : String(error)}`);
      throw new DomainError('WECHAT_UNAVAILABLE');
    }
    try {
      return (await response.json()) as T;
    } catch {
      throw new DomainError('WECHAT_UNAVAILABLE');
    }
  }

  private failure(code: 'WECHAT_LOGIN_FAILED' | 'WECHAT_PHONE_FAILED' | 'WECHAT_UNAVAILABLE', body: WechatError): DomainError {
    // errcode and errmsg only: WeChat's answers carry no personal data when they fail.
    this.logger.warn(`WeChat refused: ${body.errcode ?? '?'} ${body.errmsg ?? ''}`);
    if (body.errcode === RATE_LIMITED) return new DomainError('WECHAT_RATE_LIMITED');
    if (body.errcode === RISKY_USER) return new DomainError('WECHAT_ACCOUNT_RISKY');
    return new DomainError(code);
  }
}

/** WeChat refused a message: `retryable` when it was busy, not when the message itself is wrong. */
export class WechatSendError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
    readonly retryable: boolean,
  ) {
    super(`WeChat ${errcode} ${errmsg}`);
    this.name = 'WechatSendError';
  }
}
