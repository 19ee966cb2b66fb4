import { applyAsShanghaiStudent, residentIdFrom } from './candidate';
import { look, PHONE_SIZES, usePhone } from './phone';
import { post } from './staff';

/**
 * A bottom tab bar (WeUI), 我的报名 before the real-name record, and a payment waiting on the candidate
 * marked wherever she is (issue 14, item 3): the seat is held only until the deadline.
 */
describe.each(PHONE_SIZES)('H5 at $width×$height: the tab bar, and a payment that waits on the candidate', (size) => {
  const phone = usePhone({ fixedNow: '2026-03-10T10:00:00+08:00', viewport: size });

  it('marks 我的 with 缴费 from the home page, and lists the application first with its deadline', async () => {
    const page = phone.page();
    const { url } = phone.server();
    const residentId = residentIdFrom(`3101092008090151${size.width === 360 ? 1 : 2}`);
    await applyAsShanghaiStudent(page, url, residentId);
    const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id');
    const { token } = await post<{ token: string }>(url, '/api/staff/login', { username: 'admin', password: 'skillcert-admin-dev' });
    await post(url, '/api/sessions', { planId: 'shanghai-2026', date: '2026-04-17', site: '天宝路879号B楼201', levels: [4], capacity: 30 }, token);
    await post(url, `/api/review/applications/${id}/approve`, {}, token);

    // Before: no tab bar, and nothing on the first screen said a payment was waiting.
    await page.goto(url);
    const tabs = page.locator('.taro-tabbar__tabbar');
    await tabs.getByText('首页', { exact: true }).waitFor();
    await tabs.locator('.taro-tabbar-badge').getByText('缴费', { exact: true }).waitFor();
    await look(page, `tab-bar-home-${size.width}.png`);

    await tabs.getByText('我的', { exact: true }).tap();
    const due = page.locator('.my-application.payment-due');
    await due.getByText('审核通过，待缴费', { exact: true }).waitFor();
    await due.getByText('逾期未缴费将释放考位', { exact: false }).waitFor();
    // Before: 我的报名 sat below the real-name record and the phone binding.
    expect((await due.boundingBox())!.y).toBeLessThan((await page.locator('[data-testid="profile"]').boundingBox())!.y);
    await look(page, `tab-bar-me-${size.width}.png`);
  });
});
