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
 * every uncaught page error fails the test that caused it. `fixedNow` stops the
 * server's clock and the phone's at the same instant.
 */
export function usePhone(options: { fixedNow?: string } = {}): { server: () => RunningServer; page: () => Page } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startBuiltServer(options.fixedNow ? { FIXED_NOW: options.fixedNow } : {});
    browser = (await launchPhone()).browser;
  });

  beforeEach(async () => {
    const context = await browser!.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      hasTouch: true,
      isMobile: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page = await context.newPage();
    if (options.fixedNow) await page.clock.setFixedTime(new Date(options.fixedNow));
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
  });

  afterEach(async () => {
    await page?.context().close();
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return { server: () => server!, page: () => page! };
}
