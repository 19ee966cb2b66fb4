import ExcelJS from 'exceljs';
import { applyAsShanghaiStudent, residentIdFrom } from './candidate';
import { look, PHONE_SIZES, usePhone } from './phone';
import { post, staffSignIn } from './staff';

const FINANCE = { username: 'finance.qian', password: 'qian-finance-2026' };

/**
 * A parent's transfer with their own words in the remark ("4级考核费 陈同学") matches no rule: finance
 * links it to the application it names, rather than only setting it aside as 非考核费 (issue 14, item 9).
 * When the body then cancels the application, the transfer is owed back and finance records it sent (issue 25).
 */
describe.each(PHONE_SIZES)('H5 at $width×$height: finance links a credit nobody could place', (size) => {
  const phone = usePhone({ fixedNow: '2026-03-12T10:00:00+08:00', viewport: size });

  it('offers the application the remark names first, and linking it pays the application', async () => {
    const candidate = phone.page();
    const { url } = phone.server();
    const residentId = residentIdFrom(`3101092008090181${size.width === 360 ? 1 : 2}`);
    await applyAsShanghaiStudent(candidate, url, residentId);
    const id = new URL(candidate.url().replace('/#/', '/')).searchParams.get('id');
    const admin = await post<{ token: string }>(url, '/api/staff/login', { username: 'admin', password: 'skillcert-admin-dev' });
    await post(url, '/api/staff/accounts', { ...FINANCE, displayName: '钱财务', kind: 'staff', roles: ['finance'] }, admin.token);
    await post(url, '/api/sessions', { planId: 'shanghai-2026', date: '2026-04-17', site: '天宝路879号B楼201', levels: [4], capacity: 30 }, admin.token);
    await post(url, `/api/review/applications/${id}/approve`, {}, admin.token);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('交易明细');
    sheet.addRow(['交易时间', '借方金额', '贷方金额', '对方户名', '附言', '交易流水号']);
    sheet.addRow(['2026-03-11 18:05:00', '', '400.00', '陈建国', '4级考核费 陈同学', 'MS20260311088']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const finance = await phone.anotherPhone();
    await staffSignIn(finance, url, FINANCE);
    const chooser = finance.waitForEvent('filechooser');
    await finance.locator('.upload-statement').tap();
    await (await chooser).setFiles({ name: '对账单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await finance.locator('[data-testid="import-result"]').getByText('未匹配1笔', { exact: false }).waitFor();
    await finance.locator('[data-testid="credit-status"]').getByText('未匹配').tap();
    const credit = finance.locator('[data-testid="credit"]').filter({ hasText: '陈建国' });
    // Before: only 非考核费.
    await credit.locator('.link-credit').tap();
    const first = credit.locator('[data-testid="link-options"] .candidate').first();
    await first.getByText('陈同学', { exact: false }).waitFor();
    await first.getByText('（附言或付款人提到）', { exact: false }).waitFor();
    await look(finance, `finance-link-${size.width}.png`);
    await first.locator('.confirm-credit').tap();
    await finance.locator('.taro-modal__foot').getByText('确认', { exact: true }).tap();
    await finance.locator('[data-testid="credit"]').filter({ hasText: '陈建国' }).waitFor({ state: 'detached' });

    await candidate.reload();
    await candidate.locator('[data-testid="application-status"]').getByText('已缴费').waitFor();

    // The body cancels the paid application: the transfer is owed back to the account it came from, in finance's sight.
    await post(url, `/api/review/applications/${id}/cancel`, { reason: '考生申请取消' }, admin.token);
    await finance.reload();
    const owed = finance.locator('[data-testid="refunds"] [data-testid="refund"]').filter({ hasText: '陈同学' });
    await owed.getByText('银行转账，付款人：陈建国', { exact: false }).waitFor();
    await owed.getByText('待财务转回').waitFor();
    await owed.getByText('报名已取消（考生申请取消）').waitFor();
    await look(finance, `finance-refund-${size.width}.png`);
    // The candidate is told where the money is, with no promise of days the notice never makes.
    await candidate.reload();
    await candidate.locator('[data-testid="refund-state"]').getByText('考核费将由评价机构财务转回您的付款账户。').waitFor();
    await owed.locator('.refund-sent').tap();
    await finance.locator('.taro-modal__foot').getByText('已转回', { exact: true }).tap();
    await finance.locator('[data-testid="refunds"]').waitFor({ state: 'detached' });
    await candidate.reload();
    await candidate.locator('[data-testid="refund-state"]').getByText('考核费已转回您的付款账户', { exact: false }).waitFor();
  });
});
