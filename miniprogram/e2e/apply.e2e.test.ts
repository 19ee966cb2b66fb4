import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '@skillcert/shared';
import { screenshotPath, usePhone } from './phone';

/** A 2×2 PNG photo: the phone redraws it as a JPEG before uploading. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR4nGP8z8DwnwEImBigAMQAAD9QAwGqYxw7AAAAAElFTkSuQmCC', 'base64');

/** 10 March 2026, 10:00 in Shanghai, for the server and the phone alike: the March window is open. */
const NOW = '2026-03-10T10:00:00+08:00';

describe('H5: a vocational student applies for level 4 and follows the application', () => {
  const phone = usePhone({ fixedNow: NOW });
  let page: Page;
  let server: { url: string };

  beforeEach(() => {
    page = phone.page();
    server = phone.server();
  });

  it('signs in, records the real name, checks eligibility, applies, sees it under review, and withdraws', async () => {
    const first17 = '31010920080901004';
    const residentId = first17 + residentIdCheckChar(first17);

    await page.goto(server.url);
    await page.getByText('我的 ›').tap();
    await page.locator('.sign-in').tap();
    await page.locator('[data-testid="profile-missing"] .edit-profile').tap();
    await page.locator('.name-input input').fill('陈同学');
    await page.locator('.id-input input').fill(residentId);
    await page.locator('.save-profile').tap();
    await page.locator('[data-testid="profile"]').getByText('陈同学').waitFor();
    await page.getByText('暂无报名').waitFor();

    await page.goto(`${server.url}/#/packages/check/eligibility/index?planId=shanghai-2026&level=4`);
    await page.locator('.id-input input').fill(residentId);
    await page.locator('[data-testid="diploma-section"] .add-entry').tap();
    await page.locator('[data-testid="diploma-0-school"]').getByText('中等职业学校').tap();
    await page.locator('[data-testid="diploma-0-final-year"]').getByText('在读应届毕业生').tap();

    // Nothing attached yet: the shared rule names what is missing, before the server is asked.
    await page.locator('.apply-now').tap();
    await page.locator('[data-testid="material-id-card"]').getByText('请上传“有效身份证原件”').waitFor();
    for (const material of ['id-card', 'eligibility-proof']) {
      const chooser = page.waitForEvent('filechooser');
      await page.locator(`[data-testid="material-${material}"] .material-add`).tap();
      await (await chooser).setFiles({ name: `${material}.png`, mimeType: 'image/png', buffer: PHOTO });
      await page.locator(`[data-testid="material-${material}"] .material-thumb`).waitFor();
    }
    await page.locator('[data-testid="commitment-signed-form"] .signature-input input').fill('陈同学');
    await page.locator('[data-testid="materials"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('06-materials.png') });
    await page.locator('.apply-now').tap();

    const status = page.locator('[data-testid="application-status"]');
    await status.getByText('审核中').waitFor();
    await status.getByText('四级/中级工').waitFor();
    await page.getByText('2026年4月30日前').waitFor();
    await page.getByText('四级 条件(3)').waitFor();
    await page.locator('[data-testid="timeline"]').getByText('审核中').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('07-application.png') });

    await page.locator('.withdraw').tap();
    await page.getByText('确定撤回吗？', { exact: false }).waitFor();
    await page.locator('.taro-modal__foot').getByText('撤回', { exact: true }).tap();
    await status.getByText('已撤回').waitFor();
    await page.locator('[data-testid="timeline"]').getByText('已撤回').waitFor();
    expect(await page.locator('.withdraw').count()).toBe(0);
  });
});
