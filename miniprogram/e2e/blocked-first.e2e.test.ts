import { MISCONDUCT_ACTS } from '@skillcert/shared';
import { applyAsShanghaiStudent, fillShanghaiLevel4ByClause3, residentIdFrom } from './candidate';
import { look, PHONE_SIZES, usePhone } from './phone';
import { post } from './staff';

/** What stops an application is said at the entrance of the flow, not after the photos and signatures (issue 14, item 2). */
describe.each(PHONE_SIZES)('H5 at $width×$height: a window that is shut, or an application already made, is said first', (size) => {
  describe('in January, when Shanghai takes no applications and the 2021 Beijing plan is over', () => {
    const phone = usePhone({ fixedNow: '2026-01-15T10:00:00+08:00', viewport: size });

    it('tags each plan for what it is, and an eligible student sees why she cannot apply before filling anything', async () => {
      const page = phone.page();
      const { url } = phone.server();
      await page.goto(url);
      // Before: the ended 2021 plan was tagged 未开放 (not yet open).
      await page.locator('[data-testid="plan-beijing-2021"]').getByText('已截止', { exact: true }).waitFor();
      await page.locator('[data-testid="plan-shanghai-2026"]').getByText('未开放', { exact: true }).waitFor();
      await page.locator('[data-testid="plan-shanghai-2026"]').getByText('1月不受理申报，2月1日起可申报').waitFor();
      await look(page, `blocked-home-${size.width}.png`);

      await fillShanghaiLevel4ByClause3(page, url, residentIdFrom('31010920080901301'));
      const closed = page.locator('[data-testid="window-closed"]');
      await closed.getByText('2026年2月1日起可提交申报', { exact: false }).waitFor();
      // It comes before the form's first field, and no materials or apply button follow for an eligible student.
      const closedBox = await closed.boundingBox();
      const firstField = await page.locator('.id-input').boundingBox();
      expect(closedBox!.y).toBeLessThan(firstField!.y);
      await page.getByText('符合', { exact: false }).first().waitFor();
      expect(await page.locator('.apply-now').count()).toBe(0);
      expect(await page.locator('[data-testid="materials"]').count()).toBe(0);
      await closed.scrollIntoViewIfNeeded();
      await look(page, `blocked-window-${size.width}.png`);
    });
  });

  describe('in March, with an application under review', () => {
    const phone = usePhone({ fixedNow: '2026-03-10T10:00:00+08:00', viewport: size });

    it('opening the same level again shows the application already made, not the form to make a second', async () => {
      const page = phone.page();
      const { url } = phone.server();
      const residentId = residentIdFrom(`3101092008090131${size.width === 360 ? 1 : 2}`);
      await applyAsShanghaiStudent(page, url, residentId);

      await fillShanghaiLevel4ByClause3(page, url, residentId);
      const existing = page.locator('[data-testid="already-applied"]');
      await existing.getByText('您已有一份四级申报（审核中）').waitFor();
      expect(await page.locator('.apply-now').count()).toBe(0);
      await existing.scrollIntoViewIfNeeded();
      await look(page, `blocked-duplicate-${size.width}.png`);
      await existing.locator('.open-existing').tap();
      await page.locator('[data-testid="application-status"]').getByText('审核中').waitFor();
    });
  });

  describe('in March, after a finding of cheating', () => {
    const phone = usePhone({ fixedNow: '2026-03-10T10:00:00+08:00', viewport: size });

    it('says the ban and its last day before the form, for any level', async () => {
      const page = phone.page();
      const { url } = phone.server();
      await applyAsShanghaiStudent(page, url, residentIdFrom(`3101092008090191${size.width === 360 ? 1 : 2}`));
      const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id');
      const { token } = await post<{ token: string }>(url, '/api/staff/login', { username: 'admin', password: 'skillcert-admin-dev' });
      await post(url, '/api/misconduct', { applicationId: id, article: 3, act: MISCONDUCT_ACTS[3].acts[0], note: '考核中使用手机查阅资料' }, token);

      // Before: the ban was found only at 提交, after the photos and the signature.
      await page.goto(`${url}/#/packages/check/eligibility/index?planId=shanghai-2026&level=5`);
      const banned = page.locator('[data-testid="banned"]');
      await banned.getByText('因违反参评纪律，2026年12月31日前（含）不得参加评价').waitFor();
      expect(await page.locator('.apply-now').count()).toBe(0);
      expect(await page.locator('[data-testid="materials"]').count()).toBe(0);
      await look(page, `blocked-banned-${size.width}.png`);
    });
  });
});
