import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import type { MerchantCredentials } from '../config/config';

/**
 * WeChat Pay's merchant API (v3), as the fake WeChat server speaks it: JSAPI
 * orders, order queries, closing, and — on a test's word — the user paying,
 * which sends the signed, encrypted notification WeChat would send. Keys are
 * made fresh for every fake: test keys, never written anywhere.
 */
export interface FakeOrder {
  appid: string;
  mchid: string;
  description: string;
  out_trade_no: string;
  time_expire?: string;
  notify_url: string;
  amount: { total: number; currency: string };
  /** JSAPI: the mini program's user. Native orders have none until someone scans the code. */
  payer?: { openid: string };
  trade_type: 'JSAPI' | 'NATIVE';
  /** JSAPI: what requestPayment needs. Native: the code to scan. */
  prepay_id?: string;
  code_url?: string;
  /** Refunded so far; partial refunds (one member of a class) add up to at most the total. */
  refunded: number;
  trade_state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  transaction_id?: string;
  success_time?: string;
}

export interface PayOptions {
  /** How many copies of the notification to send at once (WeChat retries; duplicates arrive). */
  copies?: number;
  /** Sign with a key that is not the platform's: what a forger would send. */
  forged?: boolean;
  /** Tamper with the amount in the notification (the order stays as it was). */
  amountFen?: number;
  /** Pay but never notify: only a query will tell. */
  lost?: boolean;
  /** Sign the notification as if sent this many seconds ago: what a replay looks like. */
  ageSeconds?: number;
}

export interface FakeReply {
  status: number;
  body?: unknown;
}

const keyPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: KeyObject, type: 'pkcs8' | 'spki') => key.export({ type, format: 'pem' }).toString();

/** The key WeChat Pay signs with now, and what it is called in Wechatpay-Serial. */
interface PlatformSigner {
  serial: string;
  privateKey: KeyObject;
}

interface PlatformCertificate {
  serial: string;
  pem: string;
  notBefore: Date;
  notAfter: Date;
}

/** A platform certificate like WeChat Pay's: 40 hex digits of serial, self-issued here (tests only trust it through the APIv3 key). */
function platformCertificate(keys: { privateKey: KeyObject; publicKey: KeyObject }, notBefore: Date): PlatformCertificate {
  // A leading digit below 8 keeps the DER integer positive, so the serial reads back exactly.
  const serial = `5${randomBytes(20).toString('hex').slice(1)}`.toUpperCase();
  const notAfter = new Date(notBefore.getTime() + 5 * 365 * 86_400_000);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(pem(keys.publicKey, 'spki'));
  certificate.serialNumber = serial;
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = notAfter;
  const name = [
    { name: 'commonName', value: 'Tenpay.com fake platform certificate' },
    { name: 'organizationName', value: 'Fake WeChat Pay (tests)' },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.sign(forge.pki.privateKeyFromPem(pem(keys.privateKey, 'pkcs8')), forge.md.sha256.create());
  return { serial, pem: forge.pki.certificateToPem(certificate), notBefore, notAfter };
}

export class FakeWechatPay {
  readonly credentials: MerchantCredentials;
  readonly orders = new Map<string, FakeOrder>();
  /** Refunds by the merchant's refund number: asked again with the same number, WeChat answers the first one and refunds nothing more. */
  readonly refunds = new Map<string, { outTradeNo: string; amountFen: number; answer: Record<string, unknown> }>();
  /** Every notification delivered, and what the merchant answered. */
  readonly deliveries: { outTradeNo: string; status: number }[] = [];
  private readonly merchantPublicKey: KeyObject;
  private signer: PlatformSigner;
  /** Certificate mode: every platform certificate in force (after a rotation, the old one stays listed for a while). */
  private readonly certificates: PlatformCertificate[] = [];
  private readonly forgerKey: KeyObject;

  /**
   * `now`: the moment a payment succeeds — the server's clock in tests, so receipts read as the scenario's day.
   * `platform`: whether this merchant verifies WeChat Pay by its public key (newer merchants) or by downloaded certificates.
   */
  constructor(
    private readonly appId: string,
    private readonly now: () => number = Date.now,
    platform: 'publicKey' | 'certificates' = 'publicKey',
  ) {
    const merchant = keyPair();
    this.merchantPublicKey = merchant.publicKey;
    this.forgerKey = keyPair().privateKey;
    const platformKeys = keyPair();
    const keyId = `PUB_KEY_ID_0119000000012026${randomBytes(6).toString('hex').toUpperCase()}`;
    this.signer = { serial: keyId, privateKey: platformKeys.privateKey };
    if (platform === 'certificates') this.rotateCertificate(platformKeys);
    this.credentials = {
      mchid: '1900000001',
      merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
      merchantPrivateKey: pem(merchant.privateKey, 'pkcs8'),
      platform: platform === 'publicKey' ? { mode: 'publicKey', keyId, publicKey: pem(platformKeys.publicKey, 'spki') } : { mode: 'certificates' },
      apiV3Key: randomBytes(16).toString('hex'),
    };
  }

  /** Certificate mode: WeChat Pay starts signing with a new certificate (the old one stays listed). Returns the new serial. */
  rotateCertificate(keys = keyPair()): string {
    const certificate = platformCertificate(keys, new Date(Date.now() - 86_400_000));
    this.certificates.push(certificate);
    this.signer = { serial: certificate.serial, privateKey: keys.privateKey };
    return certificate.serial;
  }

  /** Merchant API requests (`/v3/…`); undefined for paths that are not WeChat Pay's. */
  handle(method: string, pathAndQuery: string, rawBody: string, authorization: string | undefined): FakeReply | undefined {
    const url = new URL(pathAndQuery, 'http://fake');
    if (!url.pathname.startsWith('/v3/')) return undefined;
    if (!this.signedByMerchant(method, pathAndQuery, rawBody, authorization)) {
      return { status: 401, body: { code: 'SIGN_ERROR', message: '签名错误' } };
    }
    if (method === 'GET' && url.pathname === '/v3/certificates') return this.certificateList();
    if (method === 'POST' && url.pathname === '/v3/refund/domestic/refunds') return this.refund(JSON.parse(rawBody || '{}') as Record<string, unknown>);
    if (method === 'POST' && url.pathname === '/v3/pay/transactions/jsapi') return this.order('JSAPI', JSON.parse(rawBody || '{}') as Record<string, unknown>);
    if (method === 'POST' && url.pathname === '/v3/pay/transactions/native')
      return this.order('NATIVE', JSON.parse(rawBody || '{}') as Record<string, unknown>);
    const byNumber = /^\/v3\/pay\/transactions\/out-trade-no\/([0-9A-Za-z_\-|*]{6,32})(\/close)?$/.exec(url.pathname);
    if (byNumber) {
      const order = this.orders.get(byNumber[1]!);
      if (!order) return { status: 404, body: { code: 'ORDER_NOT_EXIST', message: '订单不存在' } };
      if (method === 'GET' && !byNumber[2]) return { status: 200, body: this.transaction(order) };
      if (method === 'POST' && byNumber[2]) {
        if (order.trade_state === 'SUCCESS') return { status: 400, body: { code: 'ORDERPAID', message: '订单已支付' } };
        order.trade_state = 'CLOSED';
        return { status: 204 };
      }
    }
    return { status: 404, body: { code: 'NOT_FOUND', message: '接口不存在' } };
  }

  /** The response headers WeChat signs its answers with. */
  signResponse(body: string): Record<string, string> {
    const timestamp = String(Formatter.timestamp());
    const nonce = Formatter.nonce();
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Serial': this.signer.serial,
      'Wechatpay-Signature': Rsa.sign(Formatter.response(timestamp, nonce, body), this.signer.privateKey),
      'Request-ID': randomBytes(8).toString('hex'),
    };
  }

  /** The user pays: the order succeeds and WeChat notifies the merchant (or, with `lost`, never does). */
  async pay(outTradeNo: string, options: PayOptions = {}): Promise<number[]> {
    const order = this.orders.get(outTradeNo);
    if (!order) throw new Error(`no order ${outTradeNo}`);
    if (order.trade_state === 'NOTPAY') {
      order.trade_state = 'SUCCESS';
      // Whoever scanned a Native order's code is its payer from now on.
      order.payer ??= { openid: `oFakeScanner${randomBytes(8).toString('hex')}` };
      order.transaction_id = `42000${Date.now()}${randomBytes(3).toString('hex')}`.slice(0, 28);
      order.success_time = new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    }
    if (options.lost) return [];
    const transaction = {
      ...this.transaction(order),
      ...(options.amountFen !== undefined ? { amount: { ...this.transaction(order).amount, total: options.amountFen, payer_total: options.amountFen } } : {}),
    };
    const statuses = await Promise.all(
      Array.from({ length: options.copies ?? 1 }, () =>
        this.send(order.notify_url, 'TRANSACTION.SUCCESS', 'transaction', transaction, options.forged ?? false, options.ageSeconds ?? 0),
      ),
    );
    for (const status of statuses) this.deliveries.push({ outTradeNo, status });
    return statuses;
  }

  /** `/v3/certificates`: each certificate encrypted with the merchant's APIv3 key, as WeChat Pay sends them. */
  private certificateList(): FakeReply {
    if (!this.certificates.length) return { status: 404, body: { code: 'NOT_FOUND', message: '商户已切换为微信支付公钥模式' } };
    const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
    return {
      status: 200,
      body: {
        data: this.certificates.map((c) => {
          const nonce = randomBytes(6).toString('hex');
          return {
            serial_no: c.serial,
            effective_time: iso(c.notBefore),
            expire_time: iso(c.notAfter),
            encrypt_certificate: {
              algorithm: 'AEAD_AES_256_GCM',
              nonce,
              associated_data: 'certificate',
              ciphertext: Aes.AesGcm.encrypt(c.pem, this.credentials.apiV3Key, nonce, 'certificate'),
            },
          };
        }),
      },
    };
  }

  private refund(request: Record<string, unknown>): FakeReply {
    const order = [...this.orders.values()].find((o) => o.transaction_id === request.transaction_id);
    const amount = request.amount as { refund?: unknown; total?: unknown } | undefined;
    const outRefundNo = String(request.out_refund_no ?? '');
    if (!order || (order.trade_state !== 'SUCCESS' && order.trade_state !== 'REFUND'))
      return { status: 404, body: { code: 'RESOURCE_NOT_EXISTS', message: '订单不存在或未支付' } };
    if (
      !/^[0-9A-Za-z_\-|*@]{1,64}$/.test(outRefundNo) ||
      amount?.total !== order.amount.total ||
      !Number.isInteger(amount?.refund) ||
      (amount!.refund as number) <= 0
    )
      return { status: 400, body: { code: 'PARAM_ERROR', message: '退款参数错误' } };
    const earlier = this.refunds.get(outRefundNo);
    if (earlier) return { status: 200, body: earlier.answer };
    if (order.refunded + (amount!.refund as number) > order.amount.total)
      return { status: 403, body: { code: 'NOT_ENOUGH', message: '退款金额超过订单可退金额' } };
    order.refunded += amount!.refund as number;
    // Any refund, whole or partial, turns the order to REFUND (转入退款), as WeChat does.
    order.trade_state = 'REFUND';
    const refundId = `50300${randomBytes(10).toString('hex')}`.slice(0, 29);
    const notifyUrl = typeof request.notify_url === 'string' ? request.notify_url : undefined;
    // WeChat refunds asynchronously: the answer says PROCESSING, the notification says SUCCESS.
    if (notifyUrl) {
      setTimeout(() => {
        const resource = {
          mchid: order.mchid,
          out_trade_no: order.out_trade_no,
          transaction_id: order.transaction_id,
          out_refund_no: outRefundNo,
          refund_id: refundId,
          refund_status: 'SUCCESS',
          success_time: new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
          amount: { total: order.amount.total, refund: amount!.refund, payer_total: order.amount.total, payer_refund: amount!.refund },
        };
        void this.send(notifyUrl, 'REFUND.SUCCESS', 'refund', resource, false).then((status) =>
          this.deliveries.push({ outTradeNo: order.out_trade_no, status }),
        );
      }, 20);
    }
    const answer = {
      refund_id: refundId,
      out_refund_no: outRefundNo,
      transaction_id: order.transaction_id,
      out_trade_no: order.out_trade_no,
      status: 'PROCESSING',
    };
    this.refunds.set(outRefundNo, { outTradeNo: order.out_trade_no, amountFen: amount!.refund as number, answer });
    return { status: 200, body: answer };
  }

  private async send(
    notifyUrl: string,
    eventType: string,
    originalType: string,
    resourceBody: Record<string, unknown>,
    forged: boolean,
    ageSeconds = 0,
  ): Promise<number> {
    const nonce = randomBytes(6).toString('hex');
    const associatedData = originalType;
    const body = JSON.stringify({
      id: randomBytes(16).toString('hex'),
      create_time: new Date().toISOString(),
      event_type: eventType,
      resource_type: 'encrypt-resource',
      summary: eventType === 'REFUND.SUCCESS' ? '退款成功' : '支付成功',
      resource: {
        original_type: originalType,
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: Aes.AesGcm.encrypt(JSON.stringify(resourceBody), this.credentials.apiV3Key, nonce, associatedData),
        associated_data: associatedData,
        nonce,
      },
    });
    const timestamp = String(Formatter.timestamp() - ageSeconds);
    const headerNonce = Formatter.nonce();
    const signature = Rsa.sign(Formatter.response(timestamp, headerNonce, body), forged ? this.forgerKey : this.signer.privateKey);
    const response = await fetch(notifyUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Wechatpay-Timestamp': timestamp,
        'Wechatpay-Nonce': headerNonce,
        'Wechatpay-Serial': this.signer.serial,
        'Wechatpay-Signature': signature,
      },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  private signedByMerchant(method: string, pathAndQuery: string, body: string, authorization: string | undefined): boolean {
    const fields = Object.fromEntries([...(authorization ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (
      !authorization?.startsWith('WECHATPAY2-SHA256-RSA2048 ') ||
      fields.mchid !== this.credentials.mchid ||
      fields.serial_no !== this.credentials.merchantSerial
    )
      return false;
    const message = Formatter.request(method, pathAndQuery, fields.timestamp ?? '', fields.nonce_str ?? '', body);
    return Rsa.verify(message, fields.signature ?? '', this.merchantPublicKey);
  }

  /** `/v3/pay/transactions/jsapi` and `/native`: the same order, JSAPI naming its payer, Native answering with a code to scan. */
  private order(tradeType: 'JSAPI' | 'NATIVE', order: Record<string, unknown>): FakeReply {
    const amount = order.amount as { total?: unknown } | undefined;
    const payer = order.payer as { openid?: unknown } | undefined;
    const outTradeNo = String(order.out_trade_no ?? '');
    const problems = [
      order.appid !== this.appId && 'appid',
      order.mchid !== this.credentials.mchid && 'mchid',
      (typeof order.description !== 'string' || order.description.length === 0 || order.description.length > 127) && 'description',
      !/^[0-9A-Za-z_\-|*]{6,32}$/.test(outTradeNo) && 'out_trade_no',
      (typeof order.notify_url !== 'string' || !/^https?:\/\//.test(order.notify_url)) && 'notify_url',
      (!Number.isInteger(amount?.total) || (amount?.total as number) <= 0) && 'amount.total',
      tradeType === 'JSAPI' && (typeof payer?.openid !== 'string' || payer.openid.length === 0) && 'payer.openid',
    ].filter(Boolean);
    if (problems.length) return { status: 400, body: { code: 'PARAM_ERROR', message: `参数错误：${problems.join(', ')}` } };
    const existing = this.orders.get(outTradeNo);
    if (existing) {
      // The same order again gets the same prepay_id; a different one under the same number is refused.
      if (existing.amount.total !== amount!.total || existing.trade_type !== tradeType)
        return { status: 403, body: { code: 'OUT_TRADE_NO_USED', message: '商户订单号重复' } };
      return { status: 200, body: this.orderAnswer(existing) };
    }
    const created: FakeOrder = {
      appid: this.appId,
      mchid: this.credentials.mchid,
      description: order.description as string,
      out_trade_no: outTradeNo,
      ...(typeof order.time_expire === 'string' ? { time_expire: order.time_expire } : {}),
      notify_url: order.notify_url as string,
      amount: { total: amount!.total as number, currency: 'CNY' },
      trade_type: tradeType,
      ...(tradeType === 'JSAPI'
        ? { payer: { openid: payer!.openid as string }, prepay_id: `wx${randomBytes(15).toString('hex')}` }
        : { code_url: `weixin://wxpay/bizpayurl?pr=${randomBytes(6).toString('base64url')}` }),
      trade_state: 'NOTPAY',
      refunded: 0,
    };
    this.orders.set(outTradeNo, created);
    return { status: 200, body: this.orderAnswer(created) };
  }

  private orderAnswer(order: FakeOrder) {
    return order.trade_type === 'JSAPI' ? { prepay_id: order.prepay_id } : { code_url: order.code_url };
  }

  private transaction(order: FakeOrder) {
    return {
      appid: order.appid,
      mchid: order.mchid,
      out_trade_no: order.out_trade_no,
      ...(order.transaction_id ? { transaction_id: order.transaction_id } : {}),
      trade_type: order.trade_type,
      trade_state: order.trade_state,
      trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款' }[order.trade_state],
      ...(order.success_time ? { success_time: order.success_time } : {}),
      ...(order.payer ? { payer: { openid: order.payer.openid } } : {}),
      amount: { total: order.amount.total, payer_total: order.amount.total, currency: 'CNY', payer_currency: 'CNY' },
    };
  }
}
