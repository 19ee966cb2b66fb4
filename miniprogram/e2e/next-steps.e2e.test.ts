import { applyAsShanghaiStudent, residentIdFrom } from './candidate';
import { look, PHONE_SIZES, usePhone } from './phone';
import { post } from './staff';

/**
 * Every state says what happens next and by when (issue 14, item 5): after 提交, the counter visit a
 * Shanghai individual must make; after approval, how a bank transfer is confirmed, by when it must
 * arrive, that the payer must be the candidate — and 我已转账 from another account.
 */
describe.each(PHONE_SIZES)('H5 at $width×$height: what happens next, after 提交 and before a transfer', (size) => {
  const phone = usePhone({ fixedNow: '2026-03-10T10:00:00+08:00', viewport: size });

  it('says how the counter visit goes (a slot optional), then gives the seat hold, the payer’s way and the confirmation', async () => {
    const page = phone.page();
    const { url } = phone.server();
    const residentId = residentIdFrom(`3101092008090161${size.width === 360 ? 1 : 2}`);
    await applyAsShanghaiStudent(page, url, residentId);

    // Before: nothing said the visit was required, or what would happen after it.
    const next = page.locator('[data-testid="next-step"]');
    await next.getByText('已提交，等待资格审核').waitFor();
    // The visit is in the notice's words, and booking a slot is offered, not required (issue 29).
    await next.getByText('下一步：在受理时间内到受理点现场办理').waitFor();
    await next.getByText('请考生携带好身份证原件及符合申报条件要求的证明材料', { exact: false }).waitFor();
    await next.getByText('不预约也可在受理时间内前往', { exact: false }).waitFor();
    expect(await next.textContent()).not.toContain('必须');
    await next.getByText('受理时间：工作日 9:00-11:00，13:30-16:30').waitFor();
    await look(page, `next-submitted-${size.width}.png`);
    // The signed 报名表 shown back: the name as typed, and when (before: only 已签名).
    await page.locator('.signed-commitment').getByText('签名：陈同学', { exact: false }).waitFor();

    const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id');
    const { token } = await post<{ token: string }>(url, '/api/staff/login', { username: 'admin', password: 'skillcert-admin-dev' });
    await post(url, '/api/sessions', { planId: 'shanghai-2026', date: '2026-04-17', site: '天宝路879号B楼201', levels: [4], capacity: 30 }, token);
    await post(url, `/api/review/applications/${id}/approve`, {}, token);
    await page.reload();

    // Before: no deadline for the money to arrive, nothing on who must pay, nothing on how it is confirmed.
    const steps = page.locator('[data-testid="transfer-steps"]');
    await steps.getByText('由他人（如家长）代付的，转账后请点“我已转账”并填写付款人姓名', { exact: false }).waitFor();
    // The seat hold as the body's rule (issue 29): no payer rule, no 报名失效.
    await steps.getByText(/^按评价机构规定，考位保留至2026年3月17日 \d\d:\d\d，逾期未缴费将释放考位。$/).waitFor();
    await steps.getByText('财务核对银行流水确认到账后，本页即显示“缴费成功”', { exact: false }).waitFor();
    await steps.scrollIntoViewIfNeeded();
    await look(page, `next-transfer-${size.width}.png`);

    // 我已转账, from her father's account: said once, and finance's import will match his name (before: no way to say it).
    await page.locator('.transfer-done').tap();
    await page.locator('.send-transfer-notice').tap();
    await page.locator('[data-testid="transfer-form"]').getByText('请填写付款人姓名').waitFor();
    await page.locator('.transfer-payer input').fill('陈建国');
    await page.locator('.send-transfer-notice').tap();
    await page.locator('[data-testid="transfer-noted"]').getByText('已告知转账（付款人：陈建国', { exact: false }).waitFor();
    await page.locator('[data-testid="timeline"]').getByText('考生告知已转账，付款人：陈建国', { exact: false }).waitFor();
    await look(page, `next-transfer-noted-${size.width}.png`);
  });
});
