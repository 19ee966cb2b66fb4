import type { Page } from 'playwright-core';
import { attachMaterials, fillShanghaiLevel4ByClause3, residentIdFrom, signInWithProfile } from './candidate';
import { look, PHONE_SIZES, usePhone } from './phone';

/** 10 March 2026, 10:00 in Shanghai, for the server and the phone alike: the March window is open. */
const NOW = '2026-03-10T10:00:00+08:00';

describe.each(PHONE_SIZES)('H5 at $width×$height: a vocational student applies for level 4 and follows the application', (size) => {
  const phone = usePhone({ fixedNow: NOW, viewport: size });
  let page: Page;
  let server: { url: string };

  beforeEach(() => {
    page = phone.page();
    server = phone.server();
  });

  it('signs in, records the real name, checks eligibility, applies, sees it under review, and withdraws', async () => {
    const residentId = residentIdFrom('31010920080901004');

    await signInWithProfile(page, server.url, '陈同学', residentId);
    await page.getByText('暂无报名').waitFor();

    await fillShanghaiLevel4ByClause3(page, server.url, residentId);
    // The birth date is the real-name record's; the ID number is not asked a second time (issue 14, item 6).
    await page.locator('.birth-on-file').getByText('2008年9月1日').waitFor();
    expect(await page.locator('.id-input').count()).toBe(0);

    // Nothing attached yet: the shared rule names what is missing, before the server is asked.
    await page.locator('.apply-now').tap();
    await page.locator('[data-testid="material-id-card"]').getByText('请上传“有效身份证原件”').waitFor();
    // The ID card is two photos, each slot named, with how to take it (issue 14, item 7); before: one unnamed slot.
    const idCard = page.locator('[data-testid="material-id-card"]');
    await idCard.getByText('四角完整，文字清晰，无反光、无遮挡', { exact: false }).waitFor();
    await idCard.locator('.material-add').getByText('拍摄人像面').waitFor();
    await attachMaterials(page, '陈同学');
    await idCard.locator('.shot-label').getByText('人像面').waitFor();
    await idCard.locator('.material-add').getByText('拍摄国徽面').waitFor();
    // One side taken: a reminder names the other — a reminder, not a refusal (a PDF scan holds both sides).
    await idCard.locator('.shot-missing').getByText('还需拍摄国徽面', { exact: false }).waitFor();
    await page.locator('[data-testid="materials"]').scrollIntoViewIfNeeded();
    // The step bar says where she is: conditions met, materials done — the last step, 确认提交, is current.
    await page.locator('.apply-steps .nut-step-process').getByText('确认提交').waitFor();
    await look(page, `06-materials-${size.width}.png`);
    // A summary of what is sent before it is sent (issue 14: a summary before submit).
    await page.locator('.apply-now').tap();
    await page.getByText('确认提交申报', { exact: true }).waitFor();
    await page.getByText('考核费¥400.00，审核通过后缴纳', { exact: false }).waitFor();
    await page.getByText('提交后携带身份证原件及证明材料到受理点现场办理（可预约到场时段）', { exact: false }).waitFor();
    await look(page, `06b-submit-summary-${size.width}.png`);
    await page.locator('.taro-modal__foot').getByText('确认提交', { exact: true }).tap();

    const status = page.locator('[data-testid="application-status"]');
    await status.getByText('审核中').waitFor();
    await status.getByText('四级/中级工').waitFor();
    await page.getByText('2026年4月30日前').waitFor();
    await page.getByText('取得本专业或相关专业的技工院校或中等及以上职业院校、专科及以上普通高等学校毕业证书（含在读应届毕业生）。', { exact: true }).waitFor();
    await page.locator('[data-testid="timeline"]').getByText('审核中').waitFor();
    await page.waitForTimeout(300);
    await look(page, `07-application-${size.width}.png`);

    await page.locator('.withdraw').tap();
    await page.getByText('确定撤回吗？', { exact: false }).waitFor();
    await page.locator('.taro-modal__foot').getByText('撤回', { exact: true }).tap();
    await status.getByText('已撤回').waitFor();
    await page.locator('[data-testid="timeline"]').getByText('已撤回').waitFor();
    expect(await page.locator('.withdraw').count()).toBe(0);
  });
});
