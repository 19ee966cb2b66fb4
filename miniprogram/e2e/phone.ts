import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchPhone } from './browser';
import { startBuiltServer, type RunningServer } from './server';

export const ARTIFACTS = resolve(__dirname, '..', '..', 'test-artifacts');

export function screenshotPath(name: string): string {
  return join(ARTIFACTS, name);
}

/** WeUI's smallest target a thumb hits reliably. */
export const MIN_TOUCH_PX = 44;

type Undersized = { text: string; height: number; className: string };

/**
 * Every element on the current screen that reacts to a tap — native controls, and any element React
 * gave an onClick/onTap (Taro's View and NutUI's parts carry their handlers as React props) — with its
 * height in CSS pixels, when it is under {@link MIN_TOUCH_PX}. Hidden pages of Taro's stack have no box
 * and are not measured.
 */
export async function undersizedTargets(page: Page): Promise<Undersized[]> {
  return page.evaluate((min) => {
    const native = 'button, a[href], input:not([type=hidden]), textarea, select, [role=button], [role=tab], [role=checkbox], [role=radio]';
    // Taro's H5 runtime keeps an element's listeners in `__events`; NutUI's plain React parts carry theirs as React props.
    const reacts = (element: Element): boolean => {
      const own = element as unknown as { __events?: Record<string, unknown[] | undefined> } & Record<string, unknown>;
      if (own.__events && ['click', 'tap'].some((type) => (own.__events?.[type]?.length ?? 0) > 0)) return true;
      const propsKey = Object.keys(element).find((key) => key.startsWith('__reactProps$'));
      const props = propsKey ? (own[propsKey] as Record<string, unknown> | undefined) : undefined;
      return typeof props?.onClick === 'function' || typeof props?.onTap === 'function';
    };
    // A text field's target is the row it sits in: a tap anywhere on the row focuses it.
    // A box's tick is part of the row it labels.
    const targetOf = (element: Element): Element =>
      element.matches('input, textarea')
        ? (element.closest('.nut-input, .nut-textarea, .nut-cell, .nut-form-item') ?? element)
        : (element.closest('.nut-checkbox, .nut-radio') ?? element);
    // NutUI's Tag listens for taps whether or not anyone asked: a label, not a control.
    const isLabel = (element: Element): boolean => element.matches('.nut-tag');
    const found: { text: string; height: number; className: string }[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      if (isLabel(element) || (!element.matches(native) && !reacts(element))) continue;
      const box = targetOf(element).getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.pointerEvents === 'none') continue;
      if (box.height + 0.5 < min) {
        found.push({
          text: (element.textContent ?? '').trim().slice(0, 30),
          height: Math.round(box.height * 10) / 10,
          className: String(element.className).slice(0, 60),
        });
      }
    }
    return found;
  }, MIN_TOUCH_PX);
}

/**
 * How far the page scrolls sideways (anything over zero means something is cut off at the right),
 * and what runs past the screen's edge inside a box that clips it — a long choice cut mid-word.
 * Rows made to scroll sideways (filter chips, visit days) are meant to.
 */
async function sidewaysOverflow(page: Page): Promise<{ scroll: number; cut: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollsSideways = (element: Element): boolean => {
      for (let at = element.parentElement; at; at = at.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(at).overflowX) && at.scrollWidth > at.clientWidth) return true;
      }
      return false;
    };
    const cut = Array.from(document.querySelectorAll('body *'))
      .filter((element) => {
        if (element.children.length > 0 || !(element.textContent ?? '').trim()) return false;
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && (box.right > width + 1 || box.left < -1) && !scrollsSideways(element);
      })
      .map((element) => (element.textContent ?? '').trim().slice(0, 30));
    return { scroll: document.documentElement.scrollWidth - width, cut: cut.slice(0, 5) };
  });
}

/**
 * Look at the screen as a person would: save what it shows, and fail when a control is too small for
 * a thumb or the page is wider than the phone.
 */
export async function look(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  // Taro slides a new page in from the right, and marks it stationed once it has arrived: a person looks at the page that has arrived.
  await page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll('.taro_router > .taro_page')).filter((p) => getComputedStyle(p).display !== 'none');
    const current = shown.at(-1);
    const arrived = !current || current.classList.contains('taro_tabbar_page') || current.classList.contains('taro_page_stationed');
    return arrived && document.getAnimations().every((animation) => animation.playState !== 'running');
  });
  await page.screenshot({ path: screenshotPath(name), fullPage: options.fullPage ?? false });
  expect({ screen: name, undersized: await undersizedTargets(page) }).toEqual({ screen: name, undersized: [] });
  expect({ screen: name, sideways: await sidewaysOverflow(page) }).toEqual({ screen: name, sideways: { scroll: 0, cut: [] } });
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
