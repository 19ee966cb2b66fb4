import { formatChineseDate, ticketAvailableFrom } from '@skillcert/shared';
import type { Page } from 'playwright-core';
import { roster, type Student } from '@skillcert/test-support';
import { PHOTO, residentIdFrom, signInWithProfile } from './candidate';
import { look, PHONE_SIZES, usePhone } from './phone';
import { post, staffSignIn } from './staff';

/** Tuesday 10 March 2026, 10:00 in Shanghai: the March window is open. */
const NOW = '2026-03-10T10:00:00+08:00';
const CLERK = { username: 'school.wang', password: 'school-pass-2026' };
const REVIEWER = { username: 'reviewer.li', password: 'li-reviews-2026' };

const student = (name: string, first17: string, phone: string): Student => ({
  name,
  residentId: residentIdFrom(first17),
  phone,
  school: '中等职业学校',
  major: '本专业',
  finalYear: '是',
});

async function uploadRoster(page: Page, bytes: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.upload-roster').tap();
  await (await chooser).setFiles({ name: '名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
}

describe.each(PHONE_SIZES)('H5 at $width×$height: a school clerk declares a class and a reviewer decides the batch at once', (size) => {
  const phone = usePhone({ fixedNow: NOW, viewport: size });

  it('roster with a bad row reported, fixed, materials, 初审, submitted; bulk approval with one returned', async () => {
    const server = phone.server();
    const admin = await post<{ token: string }>(server.url, '/api/staff/login', { username: 'admin', password: 'skillcert-admin-dev' });
    await post(
      server.url,
      '/api/staff/accounts',
      { ...CLERK, displayName: '王老师', kind: 'institution', institutionName: '上海市某职业技术学校' },
      admin.token,
    );
    await post(server.url, '/api/staff/accounts', { ...REVIEWER, displayName: '李审核', kind: 'staff', roles: ['reviewer'] }, admin.token);
    await post(server.url, '/api/sessions', { planId: 'shanghai-2026', date: '2026-03-28', site: '天宝路879号', levels: [4], capacity: 30 }, admin.token);

    const clerk = phone.page();
    await staffSignIn(clerk, server.url, CLERK);
    // A long name, as schools write them: the status beside it must stay whole (it used to wrap to 填报/中).
    await clerk.locator('[data-testid="new-batch"] .batch-name input').fill('2026届上海市现代职业技术学校呼叫中心服务与管理专业1班');
    await clerk.locator('[data-testid="batch-level"]').getByText('四级').tap();
    await clerk.locator('.create-batch').tap();
    await clerk.locator('[data-testid="batch-summary"]').getByText('2026届上海市现代职业技术学校呼叫中心服务与管理专业1班').waitFor();
    const tag = clerk.locator('[data-testid="batch-summary"] .nut-tag');
    await tag.getByText('填报中', { exact: true }).waitFor();
    expect((await tag.boundingBox())!.height).toBeLessThan(30);

    const good = [student('赵同学', '31010920080901101', '13900000001'), student('钱同学', '31010920080901202', '13900000002')];
    const third = student('孙同学', '31010920080901303', '13900000003');
    await uploadRoster(clerk, await roster([...good, { ...third, residentId: '310109200809013030' }]));
    const report = clerk.locator('[data-testid="roster-report"]');
    await report.getByText('本次导入2行').waitFor();
    await report.getByText(/^第4行 · 身份证号/).waitFor();
    await clerk.waitForTimeout(300);
    await look(clerk, `14-roster-report-${size.width}.png`);

    await uploadRoster(clerk, await roster([...good, third]));
    await report.getByText('本次导入3行').waitFor();
    await clerk.getByText('学员名单（3人）').waitFor();
    // Nobody has passed 初审 yet: the page says what comes first instead of offering to submit no one (issue 14, item 10).
    await clerk.locator('[data-testid="submit-blocked"]').getByText('还没有初审通过的学员', { exact: false }).waitFor();
    expect(await clerk.locator('.submit-batch').getAttribute('class')).toMatch(/disabled/);

    for (const row of [2, 3, 4]) {
      const member = clerk.locator(`[data-testid="member-${row}"]`);
      await member.locator('.attach').tap();
      for (const material of ['id-card', 'eligibility-proof']) {
        const chooser = clerk.waitForEvent('filechooser');
        await member.locator(`[data-testid="member-material-${material}"] .material-add`).tap();
        await (await chooser).setFiles({ name: `${material}.png`, mimeType: 'image/png', buffer: PHOTO });
        await member.locator(`[data-testid="member-material-${material}"] .material-thumb`).waitFor();
        // The school is told the card's other side too, as the candidate is, and the button names it.
        if (material === 'id-card') {
          await member.locator('[data-testid="member-material-id-card"] .shot-missing').getByText('还需拍摄国徽面').waitFor();
          await member.locator('[data-testid="member-material-id-card"] .material-add').getByText('拍摄国徽面').waitFor();
        }
      }
      await member.locator('.save-materials').tap();
      await member.getByText('材料 2/2').waitFor();
    }
    await clerk.locator('.pass-all').tap();
    for (const row of [2, 3, 4]) await clerk.locator(`[data-testid="member-${row}"]`).getByText('初审通过', { exact: true }).waitFor();
    await clerk.locator('.submit-batch').getByText('提交3名学员').waitFor();
    await clerk.locator('.submit-batch').tap();
    await clerk.locator('.taro-modal__foot').getByText('提交', { exact: true }).tap();
    await clerk.locator('[data-testid="batch-summary"]').getByText('已提交').waitFor();
    // What happens next, said when the button has done its work (issue 14, item 10).
    const next = clerk.locator('[data-testid="batch-next-step"]');
    await next.getByText('已提交评价机构审核', { exact: false }).waitFor();
    await next.getByText('快递费由申领单位自理', { exact: false }).waitFor();
    await clerk.waitForTimeout(300);
    await look(clerk, `15-batch-submitted-${size.width}.png`, { fullPage: true });

    const reviewer = await phone.anotherPhone();
    await staffSignIn(reviewer, server.url, REVIEWER);
    await reviewer.locator('[data-testid="filter-channel"]').getByText('团体申报').tap();
    await reviewer.locator('[data-testid="queue-item"]').filter({ hasText: '赵同学' }).locator('.batch-link').tap();
    await reviewer.locator('[data-testid="batch-member-2"]').getByText('钱同学', { exact: false }).waitFor();
    await reviewer.locator('[data-testid="batch-member-2"]').getByText('退回', { exact: true }).tap();
    await reviewer.locator('.bulk-approve').tap();
    await reviewer.getByText('请写明原因').waitFor();
    await reviewer.locator('[data-testid="batch-member-2"] .exception-note input').fill('身份证照片不清晰');
    await reviewer.locator('.bulk-approve', { hasText: '通过其余2人' }).tap();
    await reviewer.locator('.taro-modal__foot').getByText('确定', { exact: true }).tap();
    await reviewer.locator('[data-testid="bulk-result"]').getByText('已通过2人，退回1人，不通过0人').waitFor();
    await reviewer.waitForTimeout(300);
    await look(reviewer, `16-bulk-approved-${size.width}.png`);

    // A student of the class follows the application the school made: real name and ID as declared, and the
    // phone number WeChat verified for her must be the roster's.
    const zhao = await phone.anotherPhone();
    await signInWithProfile(zhao, server.url, '赵同学', good[0]!.residentId);
    await zhao.locator('[data-testid="claim"]').getByText('学校已为我集体报名').tap();
    await zhao.locator('.claim-needs-phone').waitFor();
    await zhao.locator('.phone-binding input').fill('13900000001');
    await zhao.locator('.bind-phone').tap();
    await zhao.getByText('已绑定').waitFor();
    const claim = zhao.locator('[data-testid="claim"]');
    if (!(await claim.locator('.claim-now').isVisible())) await claim.getByText('学校已为我集体报名').tap();
    await claim.getByText('139****0001').waitFor();
    await look(zhao, `17-claim-by-wechat-phone-${size.width}.png`, { fullPage: true });
    await claim.locator('.claim-now').tap();
    await zhao.locator('.claim-message').getByText('已关联1条学校代为申报的报名').waitFor();
    await zhao.locator('.my-application').filter({ hasText: '审核通过' }).waitFor();

    // The school pays for the two approved students at once: one WeChat Pay code, scanned by its finance office.
    await clerk.reload();
    const payment = clerk.locator('[data-testid="batch-payment"]');
    await payment.getByText('待缴费2人 · 每人¥400.00').waitFor();
    await payment.getByText('¥800.00').first().waitFor();
    await payment.locator('.order-batch').tap();
    await payment.locator('[data-testid="qr-code"]').waitFor();
    await payment.getByText('请用微信扫码支付').waitFor();
    // The code drawn whole inside its box: a shifted picture is a code no phone can scan.
    const box = await payment.locator('[data-testid="qr-code"]').evaluate((el) => {
      const [outer, inner] = [el.getBoundingClientRect(), el.querySelector('img')!.getBoundingClientRect()];
      return { dx: Math.round(inner.x - outer.x), dy: Math.round(inner.y - outer.y), width: Math.round(inner.width), height: Math.round(inner.height) };
    });
    expect(box).toMatchObject({ dx: 0, dy: 0 });
    expect(box.width).toBe(box.height);
    await clerk.waitForTimeout(300);
    await look(payment, `19-batch-wechat-code-${size.width}.png`);
    await payment.locator('.demo-scan').tap();
    await payment.getByText('已缴费2人').waitFor();
    await clerk.locator('[data-testid="member-2"]').getByText('已缴费').waitFor();
    await clerk.locator('[data-testid="member-4"]').getByText('已缴费').waitFor();
    await clerk.locator('[data-testid="member-3"]').getByText('退回修改').waitFor();
    expect(await payment.locator('[data-testid="qr-code"]').count()).toBe(0);
    // The class's tickets, to print: not open yet, and the page says when they will be.
    await clerk.locator('.download-tickets').tap();
    await clerk
      .locator('[data-testid="batch-tickets"]')
      .getByText(`准考证将于${formatChineseDate(ticketAvailableFrom('2026-03-28'))} 00:00 开放下载`)
      .waitFor();

    // The student sees their fee paid, by whom, and the school's order number to quote.
    await zhao.reload();
    await zhao.locator('.my-application').filter({ hasText: '已缴费' }).tap();
    const receipt = zhao.locator('[data-testid="receipt"]');
    await receipt.getByText('缴费成功').waitFor();
    await receipt.getByText('上海市某职业技术学校统一缴费（微信支付）').waitFor();
    await zhao.waitForTimeout(300);
    await look(zhao, `20-class-member-receipt-${size.width}.png`);
  });
});
