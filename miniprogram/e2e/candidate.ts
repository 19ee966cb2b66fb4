import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '@skillcert/shared';

/** A 2×2 PNG photo: the phone redraws it as a JPEG before uploading. */
export const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR4nGP8z8DwnwEImBigAMQAAD9QAwGqYxw7AAAAAElFTkSuQmCC', 'base64');

export function residentIdFrom(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

/** On 我的: WeChat sign-in (the bundled fake on H5), then the real-name record. */
export async function signInWithProfile(page: Page, url: string, name: string, residentId: string): Promise<void> {
  await page.goto(url);
  await page.locator('.weui-tabbar__item').getByText('我的', { exact: true }).tap();
  await page.locator('[data-testid="privacy-consent"]').tap();
  await page.locator('.sign-in').tap();
  await page.locator('[data-testid="profile-missing"] .edit-profile').tap();
  await page.locator('.name-input input').fill(name);
  await page.locator('.id-input input').fill(residentId);
  await page.locator('.save-profile').tap();
  await page.locator('[data-testid="profile"]').getByText(name).waitFor();
}

/** Shanghai level 4 by clause (3) — a secondary-vocational student in the final year — up to the materials step. */
export function fillShanghaiLevel4ByClause3(page: Page, url: string, residentId: string): Promise<void> {
  return fillShanghaiAsFinalYearStudent(page, url, residentId, 4, '中等职业学校');
}

/** Shanghai, as a final-year student of the school the level's diploma clause names (level 3: a technical school's senior-worker class). */
export async function fillShanghaiAsFinalYearStudent(page: Page, url: string, residentId: string, level: 3 | 4, school: string): Promise<void> {
  await page.goto(`${url}/#/packages/check/eligibility/index?planId=shanghai-2026&level=${level}`);
  // Signed in with a real-name record, the birth date comes from it and the ID is not asked again; signed out, it is typed.
  const signedIn = await page.evaluate(() => localStorage.getItem('skillcert.session') !== null);
  if (signedIn) await page.locator('.birth-on-file').waitFor();
  else await page.locator('.id-input input').fill(residentId);
  await page.locator('[data-testid="diploma-section"] .add-entry').tap();
  await page.locator('[data-testid="diploma-0-school"]').getByText(school).tap();
  await page.locator('[data-testid="diploma-0-final-year"]').getByText('在读应届毕业生').tap();
}

/** Both photos through the file chooser, and the signed commitment. */
export async function attachMaterials(page: Page, signedName: string): Promise<void> {
  for (const material of ['id-card', 'eligibility-proof']) {
    const chooser = page.waitForEvent('filechooser');
    await page.locator(`[data-testid="material-${material}"] .material-add`).tap();
    await (await chooser).setFiles({ name: `${material}.png`, mimeType: 'image/png', buffer: PHOTO });
    await page.locator(`[data-testid="material-${material}"] .material-thumb`).waitFor();
  }
  await page.locator('[data-testid="commitment-signed-form"] .signature-input input').fill(signedName);
}

/** 提交, then 确认提交 on the summary of what is being sent. */
export async function submitApplication(page: Page): Promise<void> {
  await page.locator('.apply-now').tap();
  await page.locator('.taro-modal__foot').getByText('确认提交', { exact: true }).tap();
}

/** A signed-in final-year student applies for Shanghai level 4 and lands on her application, under review. */
export async function applyAsShanghaiStudent(page: Page, url: string, residentId: string, name = '陈同学'): Promise<void> {
  await signInWithProfile(page, url, name, residentId);
  await fillShanghaiLevel4ByClause3(page, url, residentId);
  await attachMaterials(page, name);
  await submitApplication(page);
  await page.locator('[data-testid="application-status"]').getByText('审核中').waitFor();
}
