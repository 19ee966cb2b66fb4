import { look, PHONE_SIZES, usePhone } from './phone';
import { post, staffSignIn } from './staff';

const PROCTOR = { username: 'proctor.lin', password: 'lin-proctor-2026' };

/** A proctor with no session today is told when the next one is, and reaches the score sheets from her own home (issue 14, item 11). */
describe.each(PHONE_SIZES)('H5 at $width×$height: the door on a day without a session', (size) => {
  const phone = usePhone({ fixedNow: '2026-03-10T08:00:00+08:00', viewport: size });

  it('says there is none today, names the next session, and a proctor-only account opens its score sheet', async () => {
    const page = phone.page();
    const { url } = phone.server();
    const admin = await post<{ token: string }>(url, '/api/staff/login', { username: 'admin', password: 'skillcert-admin-dev' });
    await post(url, '/api/staff/accounts', { ...PROCTOR, displayName: '林监考', kind: 'staff', roles: ['proctor'] }, admin.token);
    await post(url, '/api/sessions', { planId: 'shanghai-2026', date: '2026-03-20', site: '天宝路879号B楼', levels: [4], capacity: 30 }, admin.token);

    // A proctor's home is the door.
    await staffSignIn(page, url, PROCTOR);
    const nothing = page.locator('[data-testid="nothing-today"]');
    await nothing.getByText('今天没有考核场次').waitFor();
    // Before: only 今天没有考核场次, and no way to tell whether the page was working.
    await nothing.getByText('下一场：2026年3月20日 · 天宝路879号B楼').waitFor();
    // Before: the bar's row of links ran off a 360 px screen and cut this line at the right edge.
    await look(page, `door-nothing-today-${size.width}.png`);

    // Before: a proctor-only account had no way in the app to the score sheet (成绩录入).
    await page.locator('.staff-bar').getByText('成绩', { exact: true }).tap();
    const row = page.locator('[data-testid="sessions"] .session-row');
    await row.getByText('天宝路879号B楼').waitFor();
    expect(await page.locator('[data-testid="new-session"]').count()).toBe(0);
    await look(page, `proctor-sessions-${size.width}.png`);
    await row.tap();
    await page.locator('[data-testid="results-session"]').getByText('天宝路879号B楼').waitFor();
  });
});
