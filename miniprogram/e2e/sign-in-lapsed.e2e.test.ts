import type { Page } from 'playwright-core';
import { applyAsShanghaiStudent, residentIdFrom } from './candidate';
import { look, PHONE_SIZES, usePhone } from './phone';
import { staffSignIn } from './staff';

const NOW = '2026-03-10T10:00:00+08:00';

/** The token the app keeps for this kind of sign-in (Taro keeps storage as JSON, its value under `data`). */
async function storedToken(page: Page, key: 'skillcert.session' | 'skillcert.staff-session'): Promise<string> {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key);
  const stored = JSON.parse(raw ?? 'null') as { data?: { token?: string }; token?: string } | null;
  const token = stored?.data?.token ?? stored?.token;
  if (!token) throw new Error(`no ${key} on the phone`);
  return token;
}

/** The sign-in ends on the server (as it does after its lifetime, or "sign out everywhere"); the phone still holds the token. */
async function endSignIn(url: string, token: string): Promise<void> {
  const response = await fetch(`${url}/api/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(204);
}

describe.each(PHONE_SIZES)('H5 at $width×$height: a lapsed sign-in is one tap from where the person was', (size) => {
  const phone = usePhone({ fixedNow: NOW, viewport: size });

  it('a candidate opening their application days later signs in again on the spot and sees it', async () => {
    const page = phone.page();
    const { url } = phone.server();
    const residentId = residentIdFrom(`3101092008090120${size.width === 360 ? 1 : 2}`);
    await applyAsShanghaiStudent(page, url, residentId);
    const applicationUrl = page.url();

    await endSignIn(url, await storedToken(page, 'skillcert.session'));
    await page.reload();
    const lapsed = page.locator('[data-testid="signed-out"]');
    await lapsed.getByText('登录已失效').waitFor();
    // Before: 加载失败 with only 重试, which failed again.
    expect(await page.getByText('加载失败').count()).toBe(0);
    await look(page, `lapsed-candidate-${size.width}.png`);

    await lapsed.locator('.sign-in-again').tap();
    await page.locator('[data-testid="application-status"]').getByText('审核中').waitFor();
    expect(page.url()).toBe(applicationUrl);
  });

  it('a reviewer whose sign-in ended signs in again and comes back to the queue she was on', async () => {
    const page = phone.page();
    const { url } = phone.server();
    await staffSignIn(page, url, { username: 'admin', password: 'skillcert-admin-dev' });
    // The sign-in lands on her queue; only once it has, a link with parameters is opened (as from a notification).
    await page.locator('.review-queue').waitFor();
    await page.goto(`${url}/#/packages/staff/queue/index?state=approved`);
    await page.waitForURL(/state=approved/);
    await page.locator('.review-queue').waitFor();

    await endSignIn(url, await storedToken(page, 'skillcert.staff-session'));
    await page.reload();
    // The page finds out either when it shows (no sign-in kept) or when its request is refused: the card, or the sign-in page at once.
    const backToSignIn = page.getByText('登录已失效，请重新登录，之后回到刚才的页面。');
    await page.locator('.sign-in-again').or(backToSignIn).first().waitFor();
    if (await page.locator('.sign-in-again').isVisible()) await page.locator('.sign-in-again').tap();
    await backToSignIn.waitFor();
    await look(page, `lapsed-staff-${size.width}.png`);
    // Each field asks for what it is, not NutUI's vague default.
    expect(await page.locator('input[placeholder="请输入内容"]').count()).toBe(0);
    await page.locator('input[placeholder="请输入用户名"]').waitFor();
    await page.locator('.username-input input').fill('admin');
    await page.locator('.password-input input').fill('skillcert-admin-dev');
    await page.locator('.staff-sign-in').tap();
    await page.waitForURL(/packages\/staff\/queue\/index\?state=approved/);
    await page.locator('.review-queue').waitFor();
  });
});
