import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchPhone } from './browser';
import { startBuiltServer, type RunningServer } from './server';

export const ARTIFACTS = resolve(__dirname, '..', '..', 'test-artifacts');

export function screenshotPath(name: string): string {
  return join(ARTIFACTS, name);
}

/**
 * One built server and one phone for a test file. A fresh page per test, and
 * every uncaught page error, and anything the Content-Security-Policy refused, fails the test that caused it. `fixedNow` stops the
 * server's clock and the phone's at the same instant.
 */
/** The two screens every walk of the app's states is looked at on: a small Android phone and a current iPhone. */
export const PHONE_SIZES = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
] as const;

export function usePhone(
  options: { fixedNow?: string; database?: 'sqlite' | 'mariadb'; env?: Record<string, string>; viewport?: { width: number; height: number } } = {},
): {
  server: () => RunningServer;
  page: () => Page;
  /** Another phone in the same test: a second person (the reviewer) beside the first. */
  anotherPhone: () => Promise<Page>;
} {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startBuiltServer({ ...(options.fixedNow ? { FIXED_NOW: options.fixedNow } : {}), ...options.env }, options.database);
    browser = (await launchPhone()).browser;
  });

  let others: Page[] = [];
  const openPhone = async (): Promise<Page> => {
    const context = await browser!.newContext({
      viewport: options.viewport ?? { width: 390, height: 844 },
      deviceScaleFactor: 2,
      hasTouch: true,
      isMobile: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const opened = await context.newPage();
    if (options.fixedNow) await opened.clock.setFixedTime(new Date(options.fixedNow));
    opened.on('pageerror', (e) => errors.push(e.message));
    // The app runs under the server's Content-Security-Policy: anything it refuses fails the walk.
    opened.on('console', (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) errors.push(`CSP: ${message.text()}`);
    });
    await opened.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`)),
    );
    return opened;
  };

  beforeEach(async () => {
    errors = [];
    others = [];
    page = await openPhone();
  });

  afterEach(async () => {
    // What each phone showed at the end: the first thing to look at when a walk fails.
    const name = (expect.getState().currentTestName ?? 'test').replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60);
    for (const [i, opened] of [page, ...others].entries()) {
      await opened?.screenshot({ path: screenshotPath(`last-${name}-${i}.png`), fullPage: true }).catch(() => undefined);
      await opened?.context().close();
    }
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    server: () => server!,
    page: () => page!,
    anotherPhone: async () => {
      const opened = await openPhone();
      others.push(opened);
      return opened;
    },
  };
}
