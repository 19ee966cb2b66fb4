import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@skillcert/shared';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { Aes, Formatter, Rsa, Wechatpay } from 'wechatpay-axios-plugin';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** What a merchant holds to talk to WeChat Pay v3 in public-key mode. */
export interface MerchantCredentials {
  mchid: string;
  /** Serial of the merchant's API certificate, as the Authorization header names it. */
  merchantSerial: string;
  merchantPrivateKey: string;
  /** Public-key mode: the id WeChat gives the platform public key ('PUB_KEY_ID_…'). */
  platformKeyId: string;
  platformPublicKey: string;
  apiV3Key: string;
}

/** A transaction as WeChat Pay reports it — in a notification or an order query. */
export interface WechatTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_state: 'SUCCESS' | 'NOTPAY' | 'CLOSED' | 'REFUND' | 'USERPAYING' | 'PAYERROR' | 'REVOKED';
  success_time?: string;
  amount: { total: number; payer_total?: number; currency: string };
  payer?: { openid: string };
}

/** A refund's outcome, as the refund notification carries it. */
export interface WechatRefundResult {
  mchid: string;
  out_trade_no: string;
  out_refund_no: string;
  refund_status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' | 'PROCESSING';
  success_time?: string;
  amount: { total: number; refund: number };
}

export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface NotificationHeaders {
  timestamp?: string;
  nonce?: string;
  serial?: string;
  signature?: string;
}

/** The library's chained endpoints (`v3.pay.transactions.jsapi.post`), typed as far as we use them. */
interface Endpoint {
  get(config?: Record<string, unknown>): Promise<{ status: number; data: unknown }>;
  post(data?: unknown, config?: Record<string, unknown>): Promise<{ status: number; data: unknown }>;
  [segment: string]: Endpoint | Endpoint['get'];
}
const at = (root: Endpoint, ...path: string[]): Endpoint => path.reduce((node, segment) => node[segment] as Endpoint, root);

/** Notifications older or newer than this are refused: a replayed one is not a payment. */
const MAX_CLOCK_SKEW_SECONDS = 300;

/**
 * WeChat Pay API v3 through `wechatpay-axios-plugin`: requests signed with the
 * merchant key, answers verified with the platform public key, notifications
 * verified and decrypted here. Replay windows use the wall clock, as the
 * library does — they are about transport, not about the business day.
 */
@Injectable()
export class WechatPayClient {
  private api?: Endpoint;
  private credentials?: MerchantCredentials;
  private platformKey?: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { apiBase, credentials } = config.wechatPay;
    if (apiBase && credentials) this.use(apiBase, credentials);
  }

  /** Points the client at WeChat Pay, or at the bundled fake with its test keys. */
  use(apiBase: string, credentials: MerchantCredentials): void {
    this.credentials = credentials;
    this.platformKey = createPublicKey(credentials.platformPublicKey);
    this.api = new Wechatpay({
      mchid: credentials.mchid,
      serial: credentials.merchantSerial,
      privateKey: credentials.merchantPrivateKey,
      certs: { [credentials.platformKeyId]: this.platformKey },
      baseURL: apiBase,
    }) as unknown as Endpoint;
  }

  get mchid(): string {
    return this.ready().credentials.mchid;
  }

  async createJsapiOrder(order: { description: string; outTradeNo: string; timeExpire: Date; amountFen: number; openid: string }): Promise<string> {
    const { api, credentials } = this.ready();
    const response = await this.call(() =>
      at(api, 'v3', 'pay', 'transactions', 'jsapi').post({
        appid: this.config.wechat.appId,
        mchid: credentials.mchid,
        description: order.description.slice(0, 127),
        out_trade_no: order.outTradeNo,
        time_expire: rfc3339InShanghai(order.timeExpire),
        notify_url: this.config.wechatPay.notifyUrl,
        amount: { total: order.amountFen, currency: 'CNY' },
        payer: { openid: order.openid },
      }),
    );
    const prepayId = (response.data as { prepay_id?: unknown }).prepay_id;
    if (typeof prepayId !== 'string') throw new DomainError('PAYMENT_UNAVAILABLE');
    return prepayId;
  }

  /** The order as WeChat Pay knows it; undefined when it never reached WeChat. */
  async queryOrder(outTradeNo: string): Promise<WechatTransaction | undefined> {
    const { api, credentials } = this.ready();
    try {
      const response = await at(api, 'v3', 'pay', 'transactions', 'outTradeNo', '$out_trade_no$').get({
        params: { mchid: credentials.mchid },
        out_trade_no: outTradeNo,
      });
      return response.data as WechatTransaction;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw new DomainError('PAYMENT_UNAVAILABLE');
    }
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    const { api, credentials } = this.ready();
    await this.call(() =>
      at(api, 'v3', 'pay', 'transactions', 'outTradeNo', '$out_trade_no$', 'close').post({ mchid: credentials.mchid }, { out_trade_no: outTradeNo }),
    );
  }

  /** Asks WeChat to return a paid order's money; the outcome arrives as a refund notification. */
  async refund(refund: { transactionId: string; outRefundNo: string; amountFen: number; reason: string }): Promise<void> {
    const { api } = this.ready();
    await this.call(() =>
      at(api, 'v3', 'refund', 'domestic', 'refunds').post({
        transaction_id: refund.transactionId,
        out_refund_no: refund.outRefundNo,
        reason: refund.reason.slice(0, 80),
        notify_url: this.config.wechatPay.refundNotifyUrl,
        amount: { refund: refund.amountFen, total: refund.amountFen, currency: 'CNY' },
      }),
    );
  }

  /** What `requestPayment` needs, signed with the merchant key: appId\ntimeStamp\nnonceStr\npackage\n. */
  requestPaymentParams(prepayId: string): RequestPaymentParams {
    const { credentials } = this.ready();
    const timeStamp = String(Formatter.timestamp());
    const nonceStr = Formatter.nonce();
    const pkg = `prepay_id=${prepayId}`;
    const paySign = Rsa.sign(Formatter.joinedByLineFeed(this.config.wechat.appId, timeStamp, nonceStr, pkg), createPrivateKey(credentials.merchantPrivateKey));
    return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
  }

  /**
   * A notification, believed only when WeChat Pay's key signed exactly these
   * bytes recently; then its resource is decrypted with the APIv3 key.
   */
  openNotification<Resource = WechatTransaction>(headers: NotificationHeaders, rawBody: string): Resource {
    const { credentials } = this.ready();
    const timestamp = Number(headers.timestamp);
    if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS)
      throw new DomainError('PAYMENT_NOTIFICATION_INVALID', '通知时间戳过期');
    if (headers.serial !== credentials.platformKeyId || !headers.signature || !headers.nonce)
      throw new DomainError('PAYMENT_NOTIFICATION_INVALID', '通知签名信息不完整');
    if (!Rsa.verify(Formatter.response(String(headers.timestamp), headers.nonce, rawBody), headers.signature, this.platformKey!))
      throw new DomainError('PAYMENT_NOTIFICATION_INVALID', '通知签名验证失败');
    let resource: { ciphertext?: string; nonce?: string; associated_data?: string };
    try {
      resource = (JSON.parse(rawBody) as { resource?: typeof resource }).resource ?? {};
      return JSON.parse(Aes.AesGcm.decrypt(resource.ciphertext ?? '', credentials.apiV3Key, resource.nonce ?? '', resource.associated_data ?? '')) as Resource;
    } catch {
      throw new DomainError('PAYMENT_NOTIFICATION_INVALID', '通知内容无法解密');
    }
  }

  private ready(): { api: Endpoint; credentials: MerchantCredentials } {
    if (!this.api || !this.credentials) throw new DomainError('PAYMENT_UNAVAILABLE');
    return { api: this.api, credentials: this.credentials };
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch {
      throw new DomainError('PAYMENT_UNAVAILABLE');
    }
  }
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'response' in error ? (error as { response?: { status?: number } }).response?.status : undefined;
}

/** '2026-03-17T10:00:00+08:00' — WeChat's time_expire format. */
function rfc3339InShanghai(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}
