import { look, usePhone } from './phone';
import { post, staffSignIn } from './staff';

const NOW = '2026-12-07T10:00:00+08:00';
const ADMIN = { username: 'admin', password: 'skillcert-admin-dev' };

describe('H5: an admin enters next year’s days off when the built-in calendar does not know them', () => {
  const phone = usePhone({ fixedNow: NOW, viewport: { width: 360, height: 640 } });

  it('a December session says its results date is a guess; once 2027 is entered it counts over 元旦', async () => {
    const server = phone.server();
    const admin = await post<{ token: string }>(server.url, '/api/staff/login', ADMIN);
    await post(
      server.url,
      '/api/sessions',
      { planId: 'shanghai-2026', date: '2026-12-28', site: '上海市虹口区天宝路879号', levels: [4], capacity: 30 },
      admin.token,
    );

    const page = phone.page();
    await staffSignIn(page, server.url, ADMIN);
    await page.locator('.staff-bar').getByText('成绩').tap();
    const sessions = page.locator('[data-testid="sessions"]');
    await sessions.getByText('准考证2026年12月21日开放 · 成绩2027年1月25日前公布（暂按周末推算）').waitFor();
    const warning = page.locator('[data-testid="dates-unconfirmed"]');
    await warning.getByText('2027年节假日安排尚未录入').waitFor();
    await look(page, '70-sessions-unconfirmed-360.png', { fullPage: true });

    await warning.locator('.enter-calendar').tap();
    const form = page.locator('[data-testid="calendar-enter"]');
    await form.getByText('系统内置日历还没有2027年', { exact: false }).waitFor();
    // 元旦: the wheel opens on 1 January of the year.
    await form.locator('[data-testid="calendar-holidays"] .add-entry').tap();
    await form.locator('[data-testid="calendar-holidays"] .nut-cell').filter({ hasText: '日期' }).tap();
    await page.locator('.nut-picker-confirm-btn').filter({ hasText: '确认' }).last().tap();
    await form.locator('[data-testid="calendar-holidays"]').getByText('2027年1月1日').waitFor();
    await form.locator('[data-testid="calendar-holidays"] input').fill('元旦');
    // The wheel opens on 1 January again: a day cannot be both off and worked — said as it is typed.
    await form.locator('[data-testid="calendar-workdays"] .add-entry').tap();
    await form.locator('[data-testid="calendar-workdays"] .nut-cell').filter({ hasText: '日期' }).tap();
    await page.locator('.nut-picker-confirm-btn').filter({ hasText: '确认' }).last().tap();
    await form.locator('[data-testid="calendar-workdays"]').getByText('同一天不能录入两次').waitFor();
    await look(page, '71-calendar-enter-360.png', { fullPage: true });
    await form.locator('[data-testid="calendar-workdays"] .remove').tap();
    await page.locator('.save-calendar').tap();

    const known = page.locator('[data-testid="calendar-known"]');
    await known.getByText('由管理员录入', { exact: false }).waitFor();
    await known.getByText('元旦').waitFor();
    await known.locator('.edit-calendar').getByText('修改2027年安排').waitFor();
    await look(page, '72-calendar-known-360.png', { fullPage: true });

    await page.goBack();
    await page.reload();
    await sessions.getByText('准考证2026年12月21日开放 · 成绩2027年1月26日前公布').waitFor();
    expect(await page.locator('[data-testid="dates-unconfirmed"]').count()).toBe(0);
  });
});
