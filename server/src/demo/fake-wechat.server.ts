import { createHash, randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeWechatPay } from './fake-wechatpay';

/**
 * A stand-in for WeChat's servers on 127.0.0.1, speaking the same HTTP API with
 * the same error codes, so the real client code runs in tests and the demo.
 * Codes are issued by the control endpoints under /__fake (what WeChat's app
 * runtime would hand the mini program), and are single-use and short-lived.
 */
export interface FakeWechatOptions {
  appId: string;
  secret: string;
  /** Login and phone codes expire after this long (WeChat: 5 minutes). */
  codeTtlMs?: number;
  now?: () => number;
  /** How the merchant verifies WeChat Pay: by its public key (default) or by platform certificates. */
  payPlatform?: 'publicKey' | 'certificates';
  /**
   * Acts as WeChat Cloud Hosting's open-API service too: a server API called
   * without an access token is taken as coming from the container, signed by the platform.
   */
  openApiService?: boolean;
}

interface IssuedCode {
  value: string;
  expiresAt: number;
}

export interface RecordedCall {
  method: string;
  path: string;
  errcode: number;
}

const ERR = {
  invalidAppId: { errcode: 40013, errmsg: 'invalid appid' },
  invalidSecret: { errcode: 40125, errmsg: 'invalid appsecret' },
  invalidCode: { errcode: 40029, errmsg: 'invalid code' },
  invalidToken: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
  busy: { errcode: -1, errmsg: 'system error' },
  rateLimited: { errcode: 45011, errmsg: 'api minute-quota reach limit' },
  noSubscription: { errcode: 43101, errmsg: 'user refuse to accept the msg' },
} as const;

/** A subscribe message as WeChat received it. */
export interface ReceivedSubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  at: number;
}

export class FakeWechatServer {
  private server?: Server;
  private readonly gateways: Server[] = [];
  private readonly loginCodes = new Map<string, IssuedCode>();
  private readonly phoneCodes = new Map<string, IssuedCode>();
  private readonly tokens = new Map<string, number>();
  private nextFailures: { path: string; error: keyof typeof ERR }[] = [];
  readonly calls: RecordedCall[] = [];
  /** Every subscribe message WeChat accepted for delivery, in order. */
  readonly subscribeMessages: ReceivedSubscribeMessage[] = [];
  /** What each user accepted in requestSubscribeMessage: one message per accept, per template. */
  private readonly subscriptions = new Map<string, number>();
  /** WeChat Pay's merchant API, on the same loopback server. */
  readonly pay: FakeWechatPay;
  url = '';

  constructor(private readonly options: FakeWechatOptions) {
    this.pay = new FakeWechatPay(options.appId, () => this.now(), options.payPlatform);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok) => this.server!.listen(port, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /**
   * WeChat Cloud Hosting's front door (what wx.cloud.callContainer reaches): it
   * forwards each call to `target` after removing any X-WX-* header the caller
   * sent and adding the platform's own for the WeChat user the call came from.
   * Here that user is named by the test's X-Fake-Persona header — the stand-in
   * for the WeChat session callContainer carries.
   */
  async startGateway(target: string): Promise<string> {
    const upstream = new URL(target);
    const gateway = createServer((req, res) => {
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (value !== undefined && !name.startsWith('x-wx-') && !['host', 'connection', 'x-fake-persona'].includes(name)) headers[name] = value;
      const persona = req.headers['x-fake-persona'];
      if (typeof persona === 'string' && persona) {
        Object.assign(headers, {
          'x-wx-openid': this.openidFor(persona),
          'x-wx-appid': this.options.appId,
          'x-wx-source': 'wx_client',
          'x-wx-env': 'fake-env',
        });
      }
      const forwarded = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forwarded.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
      req.pipe(forwarded);
    });
    await new Promise<void>((ok) => gateway.listen(0, '127.0.0.1', ok));
    this.gateways.push(gateway);
    return `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const gateway of this.gateways.splice(0)) {
      gateway.closeAllConnections();
      await new Promise<void>((ok) => gateway.close(() => ok()));
    }
    if (!this.server) return;
    const server = this.server;
    // fetch keeps connections alive; without this, close() waits for them to idle out.
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
    this.server = undefined;
  }

  /** What the mini program's wx.login() would yield for a WeChat user. The openid is stable per persona. */
  issueLoginCode(persona: string): string {
    const code = `login_${randomBytes(12).toString('hex')}`;
    this.loginCodes.set(code, { value: persona, expiresAt: this.now() + (this.options.codeTtlMs ?? 300_000) });
    return code;
  }

  /** What the phone-number button would yield after the user agrees. */
  issuePhoneCode(phone: string): string {
    const code = `phone_${randomBytes(12).toString('hex')}`;
    this.phoneCodes.set(code, { value: phone, expiresAt: this.now() + (this.options.codeTtlMs ?? 300_000) });
    return code;
  }

  /** Make the next call to `path` fail the way WeChat does. */
  failNext(path: string, error: keyof typeof ERR): void {
    this.nextFailures.push({ path, error });
  }

  /** Invalidate every access token, as WeChat does when another party refreshes it. */
  expireTokens(): void {
    this.tokens.clear();
  }

  /** The user tapped "allow" for this template (requestSubscribeMessage): WeChat will deliver one message of it. */
  acceptSubscription(openid: string, templateId: string, times = 1): void {
    const key = `${openid}|${templateId}`;
    this.subscriptions.set(key, (this.subscriptions.get(key) ?? 0) + times);
  }

  openidFor(persona: string): string {
    return `o${createHash('sha256').update(`${this.options.appId}:${persona}`).digest('base64url').slice(0, 27)}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readText(req);
    const merchant = this.pay.handle(req.method ?? 'GET', req.url ?? '/', raw, req.headers.authorization);
    if (merchant) {
      const text = merchant.body === undefined ? '' : JSON.stringify(merchant.body);
      this.calls.push({ method: req.method ?? 'GET', path: url.pathname, errcode: merchant.status >= 400 ? merchant.status : 0 });
      res.writeHead(merchant.status, { 'Content-Type': 'application/json; charset=utf-8', ...this.pay.signResponse(text) });
      return void res.end(text);
    }
    const body = req.method === 'POST' ? parseObject(raw) : {};
    const reply = (payload: Record<string, unknown>, status = 200) => {
      this.calls.push({ method: req.method ?? 'GET', path: url.pathname, errcode: typeof payload.errcode === 'number' ? payload.errcode : 0 });
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(payload));
    };
    const failure = this.nextFailures.findIndex((f) => f.path === url.pathname);
    if (failure >= 0) {
      const [f] = this.nextFailures.splice(failure, 1);
      return reply({ ...ERR[f!.error] });
    }
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /sns/jscode2session':
        return reply(this.code2Session(url.searchParams));
      case 'POST /cgi-bin/stable_token':
        return reply(this.stableToken(body));
      case 'POST /wxa/business/getuserphonenumber':
        return reply(this.phoneNumber(url.searchParams.get('access_token') ?? '', body));
      case 'POST /cgi-bin/message/subscribe/send':
        return reply(this.subscribeSend(url.searchParams.get('access_token') ?? '', body));
      case 'POST /__fake/subscribe-accept':
        // Demo and tests: what the user's tap in WeChat's subscribe dialog would tell WeChat.
        this.acceptSubscription(String(body.openid ?? ''), String(body.templateId ?? ''));
        return reply({ errcode: 0 });
      case 'POST /__fake/login-code':
        return reply({ code: this.issueLoginCode(String(body.persona ?? 'demo')) });
      case 'POST /__fake/phone-code':
        return reply({ code: this.issuePhoneCode(String(body.phone ?? '13800000000')) });
      case 'POST /__fake/pay':
        // Demo only (the H5 build has no requestPayment): the user "pays" the order.
        return reply({ delivered: await this.pay.pay(String(body.outTradeNo ?? '')).catch(() => []) });
      default:
        return reply({ errcode: 404, errmsg: 'not found' }, 404);
    }
  }

  /** A live access token — or none at all, through the open-API service when this fake plays it. */
  private tokenValid(token: string): boolean {
    if (!token) return this.options.openApiService === true;
    const expires = this.tokens.get(token);
    return expires !== undefined && expires > this.now();
  }

  private credentialsError(appId: unknown, secret: unknown): Record<string, unknown> | undefined {
    if (appId !== this.options.appId) return { ...ERR.invalidAppId };
    if (secret !== this.options.secret) return { ...ERR.invalidSecret };
    return undefined;
  }

  private take(codes: Map<string, IssuedCode>, code: string): string | undefined {
    const issued = codes.get(code);
    codes.delete(code); // single use, even when expired
    return issued && issued.expiresAt > this.now() ? issued.value : undefined;
  }

  private code2Session(q: URLSearchParams): Record<string, unknown> {
    const bad = this.credentialsError(q.get('appid'), q.get('secret'));
    if (bad) return bad;
    if (q.get('grant_type') !== 'authorization_code') return { errcode: 40002, errmsg: 'invalid grant_type' };
    const persona = this.take(this.loginCodes, q.get('js_code') ?? '');
    if (persona === undefined) return { ...ERR.invalidCode };
    return { openid: this.openidFor(persona), session_key: randomBytes(16).toString('base64') };
  }

  private stableToken(body: Record<string, unknown>): Record<string, unknown> {
    const bad = this.credentialsError(body.appid, body.secret);
    if (bad) return bad;
    if (body.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    const token = `token_${randomBytes(16).toString('hex')}`;
    this.tokens.set(token, this.now() + 7_200_000);
    return { access_token: token, expires_in: 7200 };
  }

  /** subscribeMessage.send: a valid token, a template the user accepted (one message per accept), values within their types' limits. */
  private subscribeSend(token: string, body: Record<string, unknown>): Record<string, unknown> {
    if (!this.tokenValid(token)) return { ...ERR.invalidToken };
    const touser = typeof body.touser === 'string' ? body.touser : '';
    const templateId = typeof body.template_id === 'string' ? body.template_id : '';
    const data = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Record<string, { value?: unknown }>;
    if (!touser) return { errcode: 40003, errmsg: 'invalid openid' };
    if (!templateId) return { errcode: 40037, errmsg: 'invalid template_id' };
    for (const [key, field] of Object.entries(data)) {
      const value = typeof field?.value === 'string' ? field.value : '';
      if (key.startsWith('thing') && [...value].length > 20) return { errcode: 47003, errmsg: `argument invalid! data.${key}.value` };
    }
    const quota = `${touser}|${templateId}`;
    const left = this.subscriptions.get(quota) ?? 0;
    if (left <= 0) return { ...ERR.noSubscription };
    this.subscriptions.set(quota, left - 1);
    this.subscribeMessages.push({
      touser,
      templateId,
      page: typeof body.page === 'string' ? body.page : '',
      data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: String(v?.value ?? '') }])),
      at: this.now(),
    });
    return { errcode: 0, errmsg: 'ok', msgid: this.subscribeMessages.length };
  }

  private phoneNumber(token: string, body: Record<string, unknown>): Record<string, unknown> {
    if (!this.tokenValid(token)) return { ...ERR.invalidToken };
    const phone = this.take(this.phoneCodes, String(body.code ?? ''));
    if (phone === undefined) return { ...ERR.invalidCode };
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: phone,
        purePhoneNumber: phone,
        countryCode: '86',
        watermark: { timestamp: Math.floor(this.now() / 1000), appid: this.options.appId },
      },
    };
  }
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseObject(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw || '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
