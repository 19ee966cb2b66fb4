import { look, PHONE_SIZES, usePhone } from './phone';

/**
 * What the plan page says is the notice's own words (issue 14, from the source documents): December's
 * assessment may follow next year's notice, the schedule's notes, how groups declare, and the 须知 in
 * full — article 4 with its referral, which the page used to drop.
 */
describe.each(PHONE_SIZES)('H5 at $width×$height: the Shanghai plan in December, in the notice’s words', (size) => {
  const phone = usePhone({ fixedNow: '2026-12-10T10:00:00+08:00', viewport: size });

  it('says when December’s applicants are assessed, how groups declare, and quotes the 须知 whole', async () => {
    const page = phone.page();
    await page.goto(`${phone.server().url}/#/pages/plan/index?id=shanghai-2026`);
    // Before: "12月31日前完成考核", though the notice says it may follow next year's announcement.
    await page.locator('[data-testid="level-4"]').getByText('评价时间12月底前或根据次年公告排考', { exact: false }).waitFor();
    const notes = page.locator('[data-testid="schedule-notes"]');
    await notes.getByText('申报及评价时间根据国家及本市技能人才评价相关要求动态调整。').waitFor();
    await notes.getByText('如遇不可抗力等原因的影响', { exact: false }).waitFor();
    await page.locator('[data-testid="declaration"]').getByText('通过上海市人力资源和社会保障自助经办系统办理团体申报', { exact: false }).waitFor();
    await page.getByText('职业技能评价参评人员须知', { exact: true }).tap();
    await page.getByText('并依据有关法律法规移送有关部门', { exact: false }).waitFor();
    await page.getByText('2、未在规定的座位（或考位）参加评价', { exact: false }).waitFor();
    await look(page, `plan-words-${size.width}.png`, { fullPage: true });
  });
});
