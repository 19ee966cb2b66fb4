import type { Page } from 'playwright-core';

/** JSON POST to the running server: the setup an admin would do in the app (accounts, sessions) — their own tests cover those pages. */
export async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** 我的 › 工作人员入口, then the account's username and password. */
export async function staffSignIn(page: Page, url: string, account: { username: string; password: string }): Promise<void> {
  await page.goto(`${url}/#/pages/me/index`);
  await page.getByText('工作人员入口 ›').tap();
  await page.locator('.username-input input').fill(account.username);
  await page.locator('.password-input input').fill(account.password);
  await page.locator('.staff-sign-in').tap();
}
