import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '@skillcert/shared';
import { look, PHONE_SIZES, usePhone } from './phone';

describe.each(PHONE_SIZES)('H5 at $width×$height: a candidate signs in and records their real name', (size) => {
  const phone = usePhone({ viewport: size });
  let page: Page;
  let server: { url: string };

  beforeEach(() => {
    page = phone.page();
    server = phone.server();
  });

  it('signs in with WeChat, fixes a mistyped ID number, saves, sees it masked, binds a phone and signs out', async () => {
    const first17 = '31010920080901003';
    const residentId = first17 + residentIdCheckChar(first17);
    const mistyped = first17 + (residentIdCheckChar(first17) === '1' ? '2' : '1');

    await page.goto(server.url);
    await page.locator('.weui-tabbar__item').getByText('我的', { exact: true }).tap();
    // Nothing personal is collected before the privacy guide is agreed to (issue 14, item 12).
    await page.locator('.sign-in').tap();
    await page.getByText('请先阅读并同意《隐私保护指引》', { exact: true }).waitFor();
    expect(await page.locator('[data-testid="profile-missing"]').count()).toBe(0);
    await page.locator('.read-privacy').tap();
    await page.getByText('仅用于资格审核、考务安排、成绩与证书办理', { exact: false }).waitFor();
    await page.locator('.taro-modal__foot').getByText('知道了').tap();
    await page.locator('[data-testid="privacy-consent"]').tap();
    await page.locator('.sign-in').tap();
    const missing = page.locator('[data-testid="profile-missing"]');
    await missing.getByText('请完成实名信息登记').waitFor();

    await missing.locator('.edit-profile').tap();
    await page.locator('.name-input input').fill('王小明');
    await page.locator('.id-input input').fill(mistyped);
    await page.locator('.save-profile').tap();
    await page.getByText('身份证号码校验位不正确，请逐位核对').waitFor();

    await page.locator('.id-input input').fill(residentId);
    await page.getByText('出生日期 2008年9月1日 · 男').waitFor();
    await page.waitForTimeout(300);
    await look(page, `05-profile-form-${size.width}.png`);
    await page.locator('.save-profile').tap();

    const profile = page.locator('[data-testid="profile"]');
    await profile.getByText('王小明').waitFor();
    await profile.getByText(`3101**********${residentId.slice(-4)}`).waitFor();
    // Once the form has left (Taro slides it out before removing it), the full number is nowhere on the page.
    await page.waitForFunction((id) => !document.documentElement.outerHTML.includes(id), residentId);
    expect(await page.content()).not.toContain(residentId);

    await profile.locator('.phone-binding input').fill('13912345678');
    await profile.locator('.bind-phone').tap();
    await profile.getByText('13912345678').waitFor();
    await page.waitForTimeout(300);
    await look(page, `06-me-${size.width}.png`);

    await page.locator('.sign-out').tap();
    await page.getByText('登录后办理报名').waitFor();
  });
});
