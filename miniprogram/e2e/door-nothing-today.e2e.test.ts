import { PHONE_SIZES, screenshotPath, usePhone } from './phone';
import { post, staffSignIn } from './staff';

/** A proctor with no session today is told when the next one is (issue 14, item 11). */
describe.each(PHONE_SIZES)('H5 at $width×$height: the door on a day without a session', (size) => {
  const phone = usePhone({ fixedNow: '2026-03-10T08:00:00+08:00', viewport: size });

  it('says there is none today and names the next session', async () => {
    const page = phone.page();
    const { url } = phone.server();
    const admin = await post<{ token: string }>(url, '/api/staff/login', { username: 'admin', password: 'skillcert-admin-dev' });
    await post(url, '/api/sessions', { planId: 'shanghai-2026', date: '2026-03-20', site: '天宝路879号B楼', levels: [4], capacity: 30 }, admin.token);

    await staffSignIn(page, url, { username: 'admin', password: 'skillcert-admin-dev' });
    // Through the app's own link, as a proctor would: a hash typed over a page still arriving can race its router.
    await page.locator('.staff-bar').getByText('签到', { exact: true }).tap();
    const nothing = page.locator('[data-testid="nothing-today"]');
    await nothing.getByText('今天没有考核场次').waitFor();
    // Before: only 今天没有考核场次, and no way to tell whether the page was working.
    await nothing.getByText('下一场：2026年3月20日 · 天宝路879号B楼').waitFor();
    await page.screenshot({ path: screenshotPath(`door-nothing-today-${size.width}.png`) });
  });
});
