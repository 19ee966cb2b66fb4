import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@skillcert/shared';
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { Aes, Formatter, Rsa, Wechatpay } from 'wechatpay-axios-plugin';
import { APP_CONFIG, type AppConfig, type MerchantCredentials } from '../config/config';

/** One entry of `/v3/certificates`: a platform certificate, encrypted with the APIv3 key. */
interface EncryptedCertificate {
  serial_no: string;
  effective_time: string;
  expire_time: string;
  encrypt_certificate: { algorithm: string; nonce: string; associated_data: string; ciphertext: string };
}

/** What every order names: the fee, our order number, until when it can be paid. */
export interface PayOrder {
  description: string;
  outTradeNo: string;
  timeExpire: Date;
  amountFen: number;
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
  get(config?: Record<string, unknown>): Promise<{ status: number; data: unknown; headers: Record<string, unknown> }>;
  post(data?: unknown, config?: Record<string, unknown>): Promise<{ status: number; data: unknown; headers: Record<string, unknown> }>;
  [segment: string]: Endpoint | Endpoint['get'];
}
const at = (root: Endpoint, ...path: string[]): Endpoint => path.reduce((node, segment) => node[segment] as Endpoint, root);

/** Notifications older or newer than this are refused: a replayed one is not a payment. */
const MAX_CLOCK_SKEW_SECONDS = 300;
/** An unknown serial makes us download the certificates again — but not more often than this, whatever a stranger sends. */
const CERTIFICATE_REFRESH_MIN_INTERVAL_MS = 60_000;

/**
 * WeChat Pay API v3 through `wechatpay-axios-plugin`: requests signed with the
 * merchant key, answers verified with the platform public key, notifications
 * verified and decrypted here. Replay windows use the wall clock, as the
 * library does — they are about transport, not about the business day.
 */
@Injectable()
export class WechatPayClient {
  private api?: Endpoint;
  private apiBase?: string;
  private credentials?: MerchantCredentials;
  /** Serial (certificate) or key id (public-key mode) → the key that signs WeChat Pay's messages. */
  private platformKeys = new Map<string, KeyObject>();
  /** When a notification's unknown serial last made us download the certificates. */
  private unknownSerialRefreshAt = 0;
  private certificatesDownload?: Promise<void>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { apiBase, credentials } = config.wechatPay;
    if (apiBase && credentials) this.use(apiBase, credentials);
  }

  /** Points the client at WeChat Pay, or at the bundled fake with its test keys. */
  use(apiBase: string, credentials: MerchantCredentials): void {
    this.apiBase = apiBase;
    this.credentials = credentials;
    this.unknownSerialRefreshAt = 0;
    this.platformKeys =
      credentials.platform.mode === 'publicKey' ? new Map([[credentials.platform.keyId, createPublicKey(credentials.platform.publicKey)]]) : new Map();
    this.api = this.endpoint();
  }

  /** The library's client, verifying answers with the platform keys known now. */
  private endpoint(): Endpoint {
    const { apiBase, credentials } = this;
    return new Wechatpay({
      mchid: credentials!.mchid,
      serial: credentials!.merchantSerial,
      privateKey: credentials!.merchantPrivateKey,
      // The library wants at least one entry; before the first certificate download there is none to give
      // (its own certificate downloader does the same). That one request skips the library's check and is verified here.
      certs: this.platformKeys.size ? Object.fromEntries(this.platformKeys) : ({ 'no-certificate-yet': undefined } as unknown as Record<string, KeyObject>),
      baseURL: apiBase!,
    }) as unknown as Endpoint;
  }

  /**
   * Certificate mode: downloads WeChat Pay's platform certificates. The list
   * arrives encrypted with our APIv3 key (only WeChat Pay could have made it)
   * and signed by one of the certificates in it, which is checked too.
   */
  async refreshCertificates(): Promise<void> {
    if (this.credentials?.platform.mode !== 'certificates') return;
    this.certificatesDownload ??= this.downloadCertificates().finally(() => (this.certificatesDownload = undefined));
    return this.certificatesDownload;
  }

  private async downloadCertificates(): Promise<void> {
    const { api, credentials } = this.ready();
    const response = await at(api, 'v3', 'certificates')
      .get({ transformResponse: [(raw: unknown) => raw] })
      .catch(() => {
        throw new DomainError('PAYMENT_UNAVAILABLE');
      });
    const raw = typeof response.data === 'string' ? response.data : '';
    const header = (name: string) => String(response.headers[name] ?? '');
    const found = new Map<string, KeyObject>();
    try {
      for (const entry of (JSON.parse(raw) as { data?: EncryptedCertificate[] }).data ?? []) {
        const { nonce, associated_data: aad, ciphertext } = entry.encrypt_certificate;
        const certificate = new X509Certificate(Aes.AesGcm.decrypt(ciphertext, credentials.apiV3Key, nonce, aad));
        // A certificate filed under another serial than its own is not believed.
        if (certificate.serialNumber.toUpperCase() !== entry.serial_no.toUpperCase()) continue;
        if (new Date(certificate.validTo).getTime() < Date.now()) continue;
        found.set(entry.serial_no.toUpperCase(), certificate.publicKey);
      }
    } catch {
      throw new DomainError('PAYMENT_UNAVAILABLE', '微信支付平台证书无法解密');
    }
    const signer = found.get(header('wechatpay-serial').toUpperCase());
    const timestamp = Number(header('wechatpay-timestamp'));
    if (
      !signer ||
      !Number.isFinite(timestamp) ||
      Math.abs(Date.now() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS ||
      !Rsa.verify(Formatter.response(String(timestamp), header('wechatpay-nonce'), raw), header('wechatpay-signature'), signer)
    )
      throw new DomainError('PAYMENT_UNAVAILABLE', '微信支付平台证书签名验证失败');
    this.platformKeys = found;
    this.api = this.endpoint();
  }

  get mchid(): string {
    return this.ready().credentials.mchid;
  }

  /** A JSAPI order (the mini program's own payer); the prepay_id requestPayment needs. */
  async createJsapiOrder(order: PayOrder & { openid: string }): Promise<string> {
    const response = await this.call((api) =>
      at(api, 'v3', 'pay', 'transactions', 'jsapi').post({ ...this.orderBody(order), payer: { openid: order.openid } }),
    );
    const prepayId = (response.data as { prepay_id?: unknown }).prepay_id;
    if (typeof prepayId !== 'string') throw new DomainError('PAYMENT_UNAVAILABLE');
    return prepayId;
  }

  /** A Native order: whoever scans its code_url in WeChat pays it — a school's finance office, say, with no openid here. */
  async createNativeOrder(order: PayOrder): Promise<string> {
    const response = await this.call((api) => at(api, 'v3', 'pay', 'transactions', 'native').post(this.orderBody(order)));
    const codeUrl = (response.data as { code_url?: unknown }).code_url;
    if (typeof codeUrl !== 'string') throw new DomainError('PAYMENT_UNAVAILABLE');
    return codeUrl;
  }

  private orderBody(order: PayOrder) {
    return {
      appid: this.config.wechat.appId,
      mchid: this.ready().credentials.mchid,
      description: order.description.slice(0, 127),
      out_trade_no: order.outTradeNo,
      time_expire: rfc3339InShanghai(order.timeExpire),
      notify_url: this.config.wechatPay.notifyUrl,
      amount: { total: order.amountFen, currency: 'CNY' },
    };
  }

  /** The order as WeChat Pay knows it; undefined when it never reached WeChat. */
  async queryOrder(outTradeNo: string): Promise<WechatTransaction | undefined> {
    const response = await this.call(
      (api) =>
        at(api, 'v3', 'pay', 'transactions', 'outTradeNo', '$out_trade_no$').get({
          params: { mchid: this.ready().credentials.mchid },
          out_trade_no: outTradeNo,
        }),
      { notFound: true },
    );
    return response ? (response.data as WechatTransaction) : undefined;
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    await this.call((api) =>
      at(api, 'v3', 'pay', 'transactions', 'outTradeNo', '$out_trade_no$', 'close').post(
        { mchid: this.ready().credentials.mchid },
        { out_trade_no: outTradeNo },
      ),
    );
  }

  /**
   * Asks WeChat to return money from a paid order — all of it, or one
   * member's share of a class's order; the outcome arrives as a refund notification.
   */
  async refund(refund: { transactionId: string; outRefundNo: string; amountFen: number; totalFen: number; reason: string }): Promise<void> {
    await this.call((api) =>
      at(api, 'v3', 'refund', 'domestic', 'refunds').post({
        transaction_id: refund.transactionId,
        out_refund_no: refund.outRefundNo,
        reason: refund.reason.slice(0, 80),
        notify_url: this.config.wechatPay.refundNotifyUrl,
        amount: { refund: refund.amountFen, total: refund.totalFen, currency: 'CNY' },
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
  async openNotification<Resource = WechatTransaction>(headers: NotificationHeaders, rawBody: string): Promise<Resource> {
    const { credentials } = this.ready();
    const timestamp = Number(headers.timestamp);
    if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS)
      throw new DomainError('PAYMENT_NOTIFICATION_INVALID', '通知时间戳过期');
    if (!headers.serial || !headers.signature || !headers.nonce) throw new DomainError('PAYMENT_NOTIFICATION_INVALID', '通知签名信息不完整');
    const key = await this.platformKey(headers.serial);
    if (!key) throw new DomainError('PAYMENT_NOTIFICATION_INVALID', '通知签名信息不完整');
    if (!Rsa.verify(Formatter.response(String(headers.timestamp), headers.nonce, rawBody), headers.signature, key))
      throw new DomainError('PAYMENT_NOTIFICATION_INVALID', '通知签名验证失败');
    let resource: { ciphertext?: string; nonce?: string; associated_data?: string };
    try {
      resource = (JSON.parse(rawBody) as { resource?: typeof resource }).resource ?? {};
      return JSON.parse(Aes.AesGcm.decrypt(resource.ciphertext ?? '', credentials.apiV3Key, resource.nonce ?? '', resource.associated_data ?? '')) as Resource;
    } catch {
      throw new DomainError('PAYMENT_NOTIFICATION_INVALID', '通知内容无法解密');
    }
  }

  /**
   * The key for a serial a message names. In certificate mode a serial not seen
   * yet means WeChat Pay has rotated its certificate: download the list again
   * (rate-limited, so forged serials cannot make us hammer WeChat).
   */
  private async platformKey(serial: string): Promise<KeyObject | undefined> {
    const known = this.platformKeys.get(serial.toUpperCase()) ?? this.platformKeys.get(serial);
    if (known || this.credentials?.platform.mode !== 'certificates') return known;
    if (Date.now() - this.unknownSerialRefreshAt < CERTIFICATE_REFRESH_MIN_INTERVAL_MS) return undefined;
    this.unknownSerialRefreshAt = Date.now();
    await this.refreshCertificates().catch(() => undefined);
    return this.platformKeys.get(serial.toUpperCase());
  }

  private ready(): { api: Endpoint; credentials: MerchantCredentials } {
    if (!this.api || !this.credentials) throw new DomainError('PAYMENT_UNAVAILABLE');
    return { api: this.api, credentials: this.credentials };
  }

  /**
   * One request to WeChat Pay. In certificate mode the certificates are fetched
   * first, and an answer signed by a certificate we do not know yet (WeChat
   * rotated it) fetches them again and asks once more — every call here is
   * idempotent at WeChat (same order number, same refund number).
   */
  private async call<T>(request: (api: Endpoint) => Promise<T>): Promise<T>;
  private async call<T>(request: (api: Endpoint) => Promise<T>, options: { notFound: true }): Promise<T | undefined>;
  private async call<T>(request: (api: Endpoint) => Promise<T>, options: { notFound?: boolean } = {}): Promise<T | undefined> {
    const certificates = this.credentials?.platform.mode === 'certificates';
    if (certificates && !this.platformKeys.size) await this.refreshCertificates();
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(this.ready().api);
      } catch (error) {
        if (options.notFound && statusOf(error) === 404) return undefined;
        if (certificates && attempt === 0 && codeOf(error) === 'EV3_RES_HEADER_PLATFORM_SERIAL') {
          await this.refreshCertificates();
          continue;
        }
        throw new DomainError('PAYMENT_UNAVAILABLE');
      }
    }
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'response' in error ? (error as { response?: { status?: number } }).response?.status : undefined;
}

/** '2026-03-17T10:00:00+08:00' — WeChat's time_expire format. */
function rfc3339InShanghai(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}
