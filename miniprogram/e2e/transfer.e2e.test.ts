import ExcelJS from 'exceljs';
import { attachMaterials, fillShanghaiLevel4ByClause3, residentIdFrom, signInWithProfile, submitApplication } from './candidate';
import { look, usePhone } from './phone';
import { post, staffSignIn } from './staff';

/** Tuesday 10 March 2026, 10:00 in Shanghai. */
const NOW = '2026-03-10T10:00:00+08:00';
const FINANCE = { username: 'finance.zhao', password: 'zhao-finance-2026' };

describe('H5: a candidate pays by bank transfer and finance’s statement upload confirms it', () => {
  const phone = usePhone({ fixedNow: NOW });

  it('shows the exact remark, and the statement pays the application', async () => {
    const server = phone.server();
    const admin = await post<{ token: string }>(server.url, '/api/staff/login', { username: 'admin', password: 'skillcert-admin-dev' });
    await post(server.url, '/api/staff/accounts', { ...FINANCE, displayName: '赵财务', kind: 'staff', roles: ['finance'] }, admin.token);
    await post(
      server.url,
      '/api/sessions',
      { planId: 'shanghai-2026', date: '2026-04-09', site: '上海市虹口区天宝路879号', levels: [4], capacity: 30 },
      admin.token,
    );

    const candidate = phone.page();
    const residentId = residentIdFrom('31010920080901012');
    await signInWithProfile(candidate, server.url, '周同学', residentId);
    await fillShanghaiLevel4ByClause3(candidate, server.url, residentId);
    await attachMaterials(candidate, '周同学');
    await submitApplication(candidate);
    await candidate.locator('[data-testid="application-status"]').getByText('审核中').waitFor();
    const applicationId = new URL(candidate.url().replace('#', '')).searchParams.get('id')!;
    await post(server.url, `/api/review/applications/${applicationId}/approve`, {}, admin.token);

    await candidate.reload();
    const bank = candidate.locator('[data-testid="bank-transfer"]');
    await bank.getByText('呼叫中心服务员（4级）-考核费').waitFor();
    await bank.getByText('642946633').waitFor();
    // The seat hold said as the body's rule, and no payer rule the notice never made (issue 29).
    const steps = candidate.locator('[data-testid="transfer-steps"]');
    await steps.getByText('逾期未缴费将释放考位', { exact: false }).waitFor();
    expect(await steps.textContent()).not.toContain('付款人须为考生本人');
    expect(await candidate.locator('[data-testid="next-step"]').textContent()).not.toContain('报名失效');

    // The statement the bank gives finance a day later: this transfer among others, under the bank's own column names.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('交易明细');
    sheet.addRow(['账户明细查询 642946633']);
    sheet.addRow(['入账日期时间', '发生额(借)', '发生额(贷)', '对手方名称', '交易说明', '业务流水']);
    sheet.addRow(['2026-03-11 15:20:00', '', '400.00', '周同学', '呼叫中心服务员（4级）-考核费', 'MS20260311001']);
    sheet.addRow(['2026-03-11 16:00:00', '', '1,280.00', '某科技有限公司', '货款', 'MS20260311002']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const finance = await phone.anotherPhone();
    await staffSignIn(finance, server.url, FINANCE);
    const chooser = finance.waitForEvent('filechooser');
    await finance.locator('.upload-statement').tap();
    await (await chooser).setFiles({ name: '对账单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    // Columns this body has not mapped yet: finance says once which is which, from the file's own header row.
    const mapping = finance.locator('[data-testid="column-mapping"]');
    await mapping.getByText('这份对账单第2行是表头', { exact: false }).waitFor();
    for (const [field, header] of [
      ['receivedAt', '入账日期时间'],
      ['amount', '发生额(贷)'],
      ['payer', '对手方名称'],
      ['remark', '交易说明'],
      ['reference', '业务流水'],
    ] as const) {
      await mapping.locator(`[data-testid="column-${field}"]`).getByText(header, { exact: true }).tap();
    }
    await finance.waitForTimeout(300);
    await look(finance, '16-statement-columns.png', { fullPage: true });
    await mapping.locator('.save-columns').tap();
    await finance.locator('[data-testid="import-result"]').getByText('新到账2笔：自动确认1笔，待核对0笔，未匹配1笔').waitFor();
    await finance.locator('[data-testid="credit-status"]').getByText('未匹配').tap();
    await finance.locator('[data-testid="credit"]').getByText('某科技有限公司', { exact: false }).waitFor();
    await finance.waitForTimeout(300);
    await look(finance, '17-finance.png');

    await candidate.reload();
    const receipt = candidate.locator('[data-testid="receipt"]');
    await receipt.getByText('银行转账').waitFor();
    await receipt.getByText('2026年3月11日 15:20').waitFor();
    await candidate.locator('[data-testid="application-status"]').getByText('已缴费').waitFor();
    await candidate.waitForTimeout(300);
    await look(candidate, '18-paid-by-transfer.png');
  });
});
