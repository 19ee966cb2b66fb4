import { attachMaterials, fillShanghaiLevel4ByClause3, residentIdFrom, signInWithProfile, submitApplication } from './candidate';
import { look, PHONE_SIZES, usePhone } from './phone';
import { setServerClock } from './server';
import { post, staffSignIn } from './staff';

/** Friday 20 March 2026: tickets for the 27th's session open today. */
const NOW = '2026-03-20T10:00:00+08:00';
/** Friday 27 March 2026, 08:41 in Shanghai: exam morning. */
const EXAM_MORNING = '2026-03-27T08:41:00+08:00';
const PROCTOR = { username: 'proctor.zhou', password: 'zhou-proctor-2026' };

describe.each(PHONE_SIZES)('H5 at $width×$height: the proctor checks a candidate in at the door', (size) => {
  const phone = usePhone({ fixedNow: NOW, viewport: size });

  it('finds her by the ticket number, compares her ID photo, lets her in once, and the count keeps up', async () => {
    const server = phone.server();
    const admin = await post<{ token: string }>(server.url, '/api/staff/login', { username: 'admin', password: 'skillcert-admin-dev' });
    await post(server.url, '/api/staff/accounts', { ...PROCTOR, displayName: '周监考', kind: 'staff', roles: ['proctor'] }, admin.token);
    await post(server.url, '/api/sessions', { planId: 'shanghai-2026', date: '2026-03-27', site: '天宝路879号B楼201', levels: [4], capacity: 30 }, admin.token);

    // A candidate who applied, was approved and paid; her ticket is open today.
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
    await candidate.locator('.pay-wechat').tap();
    const ticket = candidate.locator('[data-testid="ticket"]');
    await ticket.locator('[data-testid="qr-code"]').waitFor();
    const ticketNo = (await ticket.locator('.reference').textContent())!.trim();
    expect(ticketNo).toMatch(/^260327\d{4}$/);
    // The ticket comes first once paid, and carries the day's rules in the notice's words — no arrival time the documents do not give.
    expect((await ticket.boundingBox())!.y).toBeLessThan((await candidate.locator('[data-testid="receipt"]').boundingBox())!.y);
    const rules = ticket.locator('[data-testid="ticket-rules"]');
    await rules.getByText('凭准考证及有效证件参加考试。').waitFor();
    await rules.getByText('7、其他影响恶劣或严重扰乱评价管理秩序的行为。').waitFor();
    expect(await rules.getByText('开考前30分钟', { exact: false }).count()).toBe(0);
    await candidate.waitForTimeout(300);
    await look(candidate, `21-ticket-${size.width}.png`, { fullPage: true });

    await setServerClock(server.url, EXAM_MORNING);
    const door = await phone.anotherPhone();
    await staffSignIn(door, server.url, PROCTOR);
    const count = door.locator('[data-testid="door-count"]');
    await count.getByText('天宝路879号B楼201').waitFor();
    await door.locator('.ticket-no input').fill('12345');
    await door.locator('.find-ticket').tap();
    await door.locator('.door-problem').getByText('准考证号为10位数字').waitFor();
    await door.locator('.ticket-no input').fill(ticketNo);
    await door.locator('.find-ticket').tap();
    const person = door.locator('[data-testid="door-candidate"]');
    await person.getByText('周同学').waitFor();
    await person.locator('.id-photo').waitFor();
    await door.waitForTimeout(300);
    await look(door, `22-door-identity-${size.width}.png`, { fullPage: true });
    await person.locator('.admit').tap();
    await count.getByText('未到 0 人', { exact: false }).waitFor();
    expect(await count.locator('.present').textContent()).toBe('1');

    // The same ticket again: she is already in, and since when.
    await door.locator('.ticket-no input').fill(ticketNo);
    await door.locator('.find-ticket').tap();
    await person.getByText('已于2026年3月27日 08:41签到').waitFor();
    await door.waitForTimeout(300);
    await look(door, `23-door-already-in-${size.width}.png`, { fullPage: true });
    // Later in the sitting she leaves her seat and will not come back when told: the proctor records it (article 2, the practical).
    await person.locator('.report-misconduct').tap();
    const form = door.locator('[data-testid="misconduct-form"]');
    await form.getByText('参评人员有下列行为之一的，取消当次该科目成绩。').waitFor();
    await form.locator('[data-testid="misconduct-act"]').getByText('擅自离开座位').tap();
    await form.locator('[data-testid="misconduct-subject"]').getByText('操作技能').tap();
    await form.locator('.record-misconduct').tap();
    await form.getByText('请写明经过（至少4个字）', { exact: false }).waitFor();
    await form.locator('.misconduct-note textarea').fill('实操考试开始后擅自离开座位，经两次提醒拒不返回');
    await door.waitForTimeout(300);
    await look(door, `24-door-misconduct-${size.width}.png`, { fullPage: true });
    await form.locator('.record-misconduct').tap();
    await person.getByText('已记录：取消当次该科目成绩').waitFor();
    await candidate.reload();
    await candidate.locator('[data-testid="application-status"]').getByText('已签到').waitFor();
  });
});
