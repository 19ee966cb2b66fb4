import { formatChineseDate, ticketAvailableFrom } from '@skillcert/shared';
import { attachMaterials, fillShanghaiLevel4ByClause3, PHOTO, residentIdFrom, signInWithProfile, submitApplication } from './candidate';
import { look, usePhone } from './phone';
import { staffSignIn } from './staff';

/** Tuesday 10 March 2026, 10:00 in Shanghai: the March window is open and the acceptance point takes visits. */
const NOW = '2026-03-10T10:00:00+08:00';
const REVIEWER = { username: 'reviewer.wang', password: 'wang-reviews-2026', displayName: '王审核' };

describe('H5 on MariaDB: a Shanghai individual applies, books a visit, is returned once, corrects, and is approved by a reviewer on her phone', () => {
  const phone = usePhone({ fixedNow: NOW, database: 'mariadb' });

  it('walks the whole review', async () => {
    const server = phone.server();
    if (process.env.REQUIRE_MYSQL === '1') expect(server.database).toBe('mariadb');

    // The body's admin, on her phone: a level-4 session a month out, and the reviewer's account.
    const admin = await phone.anotherPhone();
    await staffSignIn(admin, server.url, { username: 'admin', password: 'skillcert-admin-dev' });
    await admin.locator('.staff-bar').getByText('成绩', { exact: true }).tap();
    await admin.locator('[data-testid="session-date"] .nut-cell').tap();
    await admin.locator('.nut-picker-confirm-btn').filter({ hasText: '确认' }).tap();
    await admin.locator('[data-testid="session-date"]').getByText('2026年4月9日').waitFor();
    await admin.locator('.session-site input').fill('上海市虹口区天宝路879号');
    await admin.locator('.create-session').tap();
    await admin.locator('[data-testid="new-session"]').getByText('请至少选择一个等级').waitFor();
    await admin.locator('.session-levels').getByText('四级').tap();
    await admin.locator('.session-capacity input').fill('30');
    await admin.locator('.create-session').tap();
    await admin.locator('[data-testid="sessions"]').getByText('余30/30').waitFor();
    await admin.goBack();
    await admin.locator('.staff-bar').getByText('账号').tap();
    await admin.locator('.account-username input').fill(REVIEWER.username);
    await admin.locator('.account-name input').fill(REVIEWER.displayName);
    await admin.locator('.account-password input').fill('short');
    await admin.locator('.create-account').tap();
    await admin.locator('[data-testid="new-account"]').getByText('初始密码至少12位').waitFor();
    await admin.locator('.account-password input').fill(REVIEWER.password);
    await admin.locator('.create-account').tap();
    await admin.locator('[data-testid="accounts"]').getByText(`${REVIEWER.displayName}（${REVIEWER.username}）`).waitFor();

    // The candidate: profile, level 4 by clause (3), two photos, signed commitment, submitted.
    const candidate = phone.page();
    const residentId = residentIdFrom('31010920080901004');
    await signInWithProfile(candidate, server.url, '陈同学', residentId);
    await fillShanghaiLevel4ByClause3(candidate, server.url, residentId);
    await attachMaterials(candidate, '陈同学');
    await submitApplication(candidate);
    await candidate.locator('[data-testid="application-status"]').getByText('审核中').waitFor();

    // Shanghai individuals show the ID original at the counter: book 10:30 today, the first slot still ahead.
    const picker = candidate.locator('[data-testid="visit-picker"]');
    await picker.locator('[data-testid="visit-days"]').getByText('3月10日').waitFor();
    await picker.locator('.visit-slot').filter({ hasText: '10:30-11:00' }).tap();
    const booked = candidate.locator('[data-testid="visit-booked"]');
    await booked.getByText('3月10日 10:30-11:00').waitFor();
    const code = (await booked.locator('[data-testid="visit-code"]').innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    await booked.locator('[data-testid="qr-code"] img, img[data-testid="qr-code"]').first().waitFor();
    await candidate.waitForTimeout(300);
    await look(candidate, '08-visit-booked.png');

    // The reviewer, on her phone: sign in, the queue shows the application with its clause.
    const reviewer = await phone.anotherPhone();
    await staffSignIn(reviewer, server.url, { ...REVIEWER, password: 'wrong-password-1' });
    await reviewer.locator('.login-failure').waitFor();
    await reviewer.locator('.password-input input').fill(REVIEWER.password);
    await reviewer.locator('.staff-sign-in').tap();
    const card = reviewer.locator('[data-testid="queue-item"]').filter({ hasText: '陈同学' });
    await card.getByText('✓ 四级 条件(3)').waitFor();
    await card.getByText('预约 3月10日 10:30-11:00').waitFor();
    await reviewer.waitForTimeout(300);
    await look(reviewer, '09-review-queue.png');
    await card.tap();

    // The application: verdict, facts, both materials; she sends the proof back with a note.
    await reviewer.locator('[data-testid="verdict"]').getByText('四级 条件(3)').waitFor();
    await reviewer.locator('[data-testid="facts"]').getByText('中等职业学校 · 本专业 · 在读应届毕业生').waitFor();
    await reviewer.locator('[data-testid="review-material-id-card"] .material-thumb').waitFor();
    // One side of the card uploaded: the reviewer is told which is missing (a reminder to the candidate, not a refusal).
    await reviewer.locator('[data-testid="review-material-id-card"] .shot-missing').getByText('未上传国徽面照片').waitFor();
    await reviewer.locator('[data-testid="review-material-eligibility-proof"] .material-thumb').waitFor();
    await reviewer.waitForTimeout(300);
    await look(reviewer, '10-review-detail.png', { fullPage: true });
    await reviewer.locator('.decision-bar .return').tap();
    await reviewer.locator('.confirm-return').tap();
    await reviewer.locator('[data-testid="return-form"]').getByText('请写明需要修改的内容').waitFor();
    await reviewer.locator('[data-testid="correction-eligibility-proof"] .nut-checkbox').tap();
    await reviewer.locator('[data-testid="correction-eligibility-proof"] .correction-note input').fill('学籍证明须加盖学校公章');
    await reviewer.locator('.confirm-return').tap();
    await reviewer.locator('[data-testid="decision-notice"]').getByText('已退回考生修改').waitFor();

    // The candidate sees what to fix, replaces the proof, and resubmits the same application.
    await candidate.reload();
    const next = candidate.locator('[data-testid="next-step"]');
    await next.getByText('学籍证明须加盖学校公章').waitFor();
    await candidate.waitForTimeout(300);
    await look(candidate, '11-returned.png');
    await next.locator('.correct-now').tap();
    await candidate.locator('[data-testid="correction-notes"]').getByText('学籍证明须加盖学校公章').waitFor();
    const proof = candidate.locator('[data-testid="material-eligibility-proof"]');
    await proof.locator('.material-remove').tap();
    const chooser = candidate.waitForEvent('filechooser');
    await proof.locator('.material-add').tap();
    await (await chooser).setFiles({ name: 'proof-stamped.png', mimeType: 'image/png', buffer: PHOTO });
    await proof.locator('.material-thumb').waitFor();
    await candidate.locator('.apply-now').tap();
    // Back on the application's own page, read again — no second copy of it, still returned, left beneath in the stack.
    await candidate.locator('[data-testid="application-status"] >> visible=true').getByText('审核中').waitFor();
    await candidate.locator('.correct-now').waitFor({ state: 'detached' });
    expect(await candidate.locator('[data-testid="application-status"]').count()).toBe(1);
    // The booking is kept through the correction (booking is allowed while returned, as the server always allowed).
    await candidate.locator('[data-testid="visit-booked"] >> visible=true').getByText(code).waitFor();

    // At the counter: the reviewer types the code under the QR, finds the application, approves.
    await reviewer.goBack();
    await reviewer.locator('.visit-code-input input').fill(code.toLowerCase());
    await reviewer.locator('.look-up').tap();
    await reviewer.locator('[data-testid="review-summary"]').getByText('陈同学').waitFor();
    await reviewer.locator('.decision-bar .approve').tap();
    await reviewer.locator('.taro-modal__foot').getByText('通过', { exact: true }).tap();
    await reviewer.locator('[data-testid="decision-notice"]').getByText('已通过，已安排2026年4月9日场次').waitFor();
    await reviewer.waitForTimeout(300);
    await look(reviewer, '12-approved-by-reviewer.png');

    // The candidate: approved, the session, the amount due.
    await candidate.goto(`${server.url}/#/pages/me/index`);
    await candidate.locator('.my-application').filter({ hasText: '审核通过' }).tap();
    const step = candidate.locator('[data-testid="next-step"]');
    await step.getByText('审核已通过，已为您保留考位').waitFor();
    await step.getByText('2026年4月9日 · 上海市虹口区天宝路879号', { exact: false }).waitFor();
    const payment = candidate.locator('[data-testid="payment-details"]');
    await payment.getByText('¥400.00').waitFor();
    await payment.locator('.pay-line').filter({ hasText: '理论知识' }).getByText('¥', { exact: false }).waitFor();
    await payment.locator('[data-testid="bank-transfer"]').getByText('呼叫中心服务员（4级）-考核费').waitFor();
    await payment.locator('[data-testid="bank-transfer"]').getByText('642946633').waitFor();
    await candidate.waitForTimeout(300);
    await look(candidate, '13-approved.png');

    // She pays (the H5 demo's button has the fake WeChat pay; the server believes only its signed notification).
    await payment.locator('.pay-wechat').tap();
    const receipt = candidate.locator('[data-testid="receipt"]');
    await receipt.getByText('缴费成功').waitFor();
    await receipt.getByText('¥400.00').waitFor();
    await receipt.getByText('微信支付').waitFor();
    await candidate.locator('[data-testid="application-status"]').getByText('已缴费').waitFor();
    // Her ticket is not open yet: the page says the day it opens (the 5th working day before the session).
    await candidate
      .locator('[data-testid="ticket"]')
      .getByText(`准考证将于${formatChineseDate(ticketAvailableFrom('2026-04-09'))} 00:00 开放下载`)
      .waitFor();
    await candidate.waitForTimeout(300);
    await look(candidate, '13b-paid.png');

    // The admin reads who decided what.
    await admin.goBack();
    await admin.locator('.staff-bar').getByText('记录').tap();
    const trail = admin.locator('[data-testid="audit"]');
    await trail.getByText('陈同学 · 审核中 → 审核通过，待缴费').waitFor();
    await trail.getByText('王审核（reviewer.wang）', { exact: false }).first().waitFor();
    await trail.getByText('符合申报条件要求的证明材料：学籍证明须加盖学校公章', { exact: false }).waitFor();
  });
});
