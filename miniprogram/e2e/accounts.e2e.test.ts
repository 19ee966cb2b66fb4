import { look, usePhone } from './phone';
import { post, staffSignIn } from './staff';

const NOW = '2026-03-10T10:00:00+08:00';
const FINANCE = { username: 'finance.qian', password: 'qian-finance-2026', displayName: '钱财务' };

describe('H5: an admin gives a forgetful colleague a temporary password, and stops an account', () => {
  const phone = usePhone({ fixedNow: NOW });

  it('the colleague sets their own password at the next sign-in; a stopped account is signed out at once', async () => {
    const server = phone.server();
    const admin = await post<{ token: string }>(server.url, '/api/staff/login', { username: 'admin', password: 'skillcert-admin-dev' });
    await post(server.url, '/api/staff/accounts', { ...FINANCE, kind: 'staff', roles: ['finance'] }, admin.token);

    // The admin, on her phone: 账号 › 重置密码 with a temporary one.
    const adminPhone = await phone.anotherPhone();
    await staffSignIn(adminPhone, server.url, { username: 'admin', password: 'skillcert-admin-dev' });
    await adminPhone.locator('.staff-bar').getByText('账号').tap();
    const row = adminPhone.locator(`[data-testid="account-${FINANCE.username}"]`);
    await row.locator('.reset-password').tap();
    await row.locator('.temporary-password input').fill('too-short');
    await row.locator('.confirm-reset').tap();
    await row.getByText('临时密码至少12位').waitFor();
    await row.locator('.temporary-password input').fill('temporary-qian-2026');
    await row.locator('.confirm-reset').tap();
    await adminPhone.locator('[data-testid="account-notice"]').getByText('钱财务：已重置。请当面告知临时密码，本人登录后须设置新密码').waitFor();
    await row.getByText('待设新密码').waitFor();
    // Her own account offers no 停用.
    expect(await adminPhone.locator('[data-testid="account-admin"] .toggle-account').count()).toBe(0);
    await look(adminPhone, '40-accounts-reset.png', { fullPage: true });

    // The colleague signs in with it and is asked for their own before anything else.
    const colleague = phone.page();
    await staffSignIn(colleague, server.url, { username: FINANCE.username, password: 'temporary-qian-2026' });
    const form = colleague.locator('[data-testid="new-password"]');
    await form.getByText('请设置新密码').waitFor();
    await form.locator('.new-password-input input').fill('qian-own-password-2026');
    await form.locator('.new-password-again input').fill('qian-own-password-2O26');
    await form.locator('.save-new-password').tap();
    await form.getByText('两次输入的新密码不一致').waitFor();
    await form.locator('.new-password-again input').fill('qian-own-password-2026');
    await look(colleague, '41-new-password.png', { fullPage: true });
    await form.locator('.save-new-password').tap();
    await colleague.locator('.staff-bar').waitFor();

    // Stopped: the admin confirms, and the colleague's next request finds them signed out.
    await adminPhone.reload();
    await row.locator('.toggle-account').tap();
    await adminPhone.getByText('停用后钱财务将立即退出登录，且不能再登录，直到重新启用。').waitFor();
    await adminPhone.locator('.taro-modal__foot').getByText('停用', { exact: true }).tap();
    await adminPhone.locator('[data-testid="account-notice"]').getByText('钱财务：已停用，该账号已退出登录').waitFor();
    await row.getByText('已停用', { exact: true }).waitFor();
    const me = await fetch(`${server.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: FINANCE.username, password: 'qian-own-password-2026' }),
    });
    expect(((await me.json()) as { code: string }).code).toBe('ACCOUNT_DISABLED');
    await look(adminPhone, '42-accounts-disabled.png', { fullPage: true });
  });
});
