import 'reflect-metadata';
import { ConsoleLogger, Logger, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response } from 'express';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppModule } from './app.module';
import { Clock, FixedClock, SystemClock } from './common/clock';
import { ErrorFilter } from './common/error.filter';
import { GracefulShutdown } from './common/graceful-shutdown';
import { inlineScriptHashes, noStoreForApi, securityHeaders } from './common/security-headers';
import type { AppConfig } from './config/config';
import { answersFollowTheContract, buildOpenApiDocument } from './docs';

/** Nest's own start-up lines (one per module and per route, some 200) tell an operator nothing; main.ts says the one that matters. */
const START_UP_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

class ServerLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (typeof context === 'string' && START_UP_CHATTER.has(context)) return;
    super.log(message, ...rest);
  }
}

export interface CreateAppOptions {
  clock?: Clock;
  logger?: LoggerService | false;
  /** Given by main.ts, which stops the server on a signal; tests close the app themselves. */
  shutdown?: GracefulShutdown;
  /** Tests: every successful answer is checked against its route's schema (docs/contract-check.ts). */
  checkAnswers?: boolean;
}

/** Builds the whole server — used by main.ts and by the e2e tests, so tests run the real thing. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<INestApplication> {
  if (config.database.kind === 'sqlite' && config.database.path !== ':memory:') mkdirSync(dirname(config.database.path), { recursive: true });
  const shutdown = options.shutdown ?? new GracefulShutdown();
  const logger = options.logger ?? new ServerLogger({ json: config.logFormat === 'json', prefix: 'skillcert' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock ?? new SystemClock()), {
    logger: logger === false ? false : logger,
    bodyParser: false,
  });
  // Counted from the first middleware on: a stop waits for every request under way (see main.ts).
  app.use(shutdown.middleware);
  app.useGlobalFilters(new ErrorFilter());
  app.disable('x-powered-by');
  // No ETag hashed over every API answer (all are no-store); the catalog sends strong ones of its own.
  app.set('etag', false);
  // req.ip (and so every per-address throttle) from X-Forwarded-For only when the hop it came through is trusted.
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  // Before the body parser: its refusals (bad JSON, 413, 415) are answers like any other, with the same headers.
  const index = join(config.h5Dir, 'index.html');
  app.use(securityHeaders(existsSync(index) ? inlineScriptHashes(readFileSync(index, 'utf8')) : []), noStoreForApi);
  // The exact bytes stay beside the parsed body: WeChat Pay signs the bytes, not the JSON.
  app.use(json({ limit: '256kb', verify: (req: Request & { rawBody?: Buffer }, _res, buffer) => void (req.rawBody = buffer) }), jsonParseErrors);
  if (logger !== false) app.use(requestLog());
  if (options.checkAnswers) app.use(answersFollowTheContract());
  // Browser tests walk a candidate across days (ticket day, exam day, results): the test moves the standing clock.
  if (config.env === 'test' && options.clock instanceof FixedClock) app.use('/__test/clock', testClock(options.clock));

  // The API's map is for developers: not published by a production server.
  if (config.env !== 'production')
    SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app) as unknown as OpenAPIObject, { jsonDocumentUrl: 'api/docs/openapi.json' });
  serveH5(app, config.h5Dir);
  return app;
}

/** Test only (NODE_ENV=test with FIXED_NOW, which configuration refuses anywhere else): PUT { now } sets the server's clock. */
function testClock(clock: FixedClock) {
  return (req: Request, res: Response) => {
    const now = typeof (req.body as { now?: unknown } | undefined)?.now === 'string' ? new Date((req.body as { now: string }).now) : undefined;
    if (req.method !== 'PUT' || !now || Number.isNaN(now.getTime())) return void res.status(400).json({ code: 'VALIDATION_FAILED', message: 'PUT { now }' });
    clock.set(now);
    res.json({ now: clock.now().toISOString() });
  };
}

/** What the body parser refuses, in words; its status (400, 413, 415) is kept. */
const BODY_REFUSALS: Record<string, string> = {
  'entity.parse.failed': '请求内容不是有效的 JSON',
  'entity.too.large': '提交的内容过大',
  'charset.unsupported': '请求内容的字符编码不受支持，请使用 UTF-8',
  'encoding.unsupported': '请求内容的压缩方式不受支持',
  'request.size.invalid': '请求内容的长度与声明的不符',
  'request.aborted': '请求在传输中被中断',
  'entity.verify.failed': '请求内容无法校验',
  'parameters.too.many': '请求参数过多',
};

/**
 * Malformed, oversized or oddly encoded bodies answered in the API's own error
 * shape with the parser's 4xx status. They are the sender's mistake, not ours:
 * no stack in the log.
 */
function jsonParseErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const { type, status, code } = (typeof error === 'object' && error !== null ? error : {}) as { type?: unknown; status?: unknown; code?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return next(error);
  // A body that says it is compressed and is not: zlib's own error, passed on with a 400.
  const message = typeof type === 'string' ? BODY_REFUSALS[type] : typeof code === 'string' && code.startsWith('Z_') ? '请求内容的压缩数据无法解开' : undefined;
  res.status(status).json({ code: 'VALIDATION_FAILED', message: message ?? '请求格式不正确，请检查后重试' });
}

/** One structured line per request: method, route, status, time. No bodies, no query strings: they may carry personal data. */
function requestLog() {
  const log = new Logger('HTTP');
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.log({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 });
    });
    next();
  };
}

/** The H5 build of the mini program at '/', when it has been built. */
function serveH5(app: NestExpressApplication, h5Dir: string): void {
  const index = join(h5Dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('H5').warn(`no H5 build at ${h5Dir}; run "npm run build" to serve the app`);
    return;
  }
  app.useStaticAssets(h5Dir, {
    index: 'index.html',
    maxAge: '1h',
    setHeaders: (res, path) => path.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache'),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api/') || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
