import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { attachMaterials, fillShanghaiAsFinalYearStudent, residentIdFrom, signInWithProfile, submitApplication } from './candidate';
import { look, PHONE_SIZES, screenshotPath, usePhone } from './phone';
import { setServerClock } from './server';
import { post, staffSignIn } from './staff';

/** Friday 20 March 2026: tickets for the 27th's session open today. */
const NOW = '2026-03-20T10:00:00+08:00';
const EXAM_DAY = '2026-03-27T08:30:00+08:00';
const RESULTS_DAY = '2026-04-02T10:00:00+08:00';
const MAKEUP_DAY = '2026-04-24T08:30:00+08:00';
const MAKEUP_RESULTS_DAY = '2026-04-28T10:00:00+08:00';
const PROCTOR = { username: 'proctor.lin', password: 'lin-proctor-2026' };
const PUBLISHER = { username: 'admin.song', password: 'song-admin-2026' };

async function scoreSheet(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('成绩');
  sheet.addRow(['准考证号', '姓名', '理论知识', '操作技能']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(PHONE_SIZES)('H5 at $width×$height: one Shanghai level-3 candidate from ticket to certificate', (size) => {
  // The walk spans six weeks: sign-ins last through it, as the app's renewals would keep them.
  const phone = usePhone({ fixedNow: NOW, env: { SESSION_TTL_HOURS: '2000', SESSION_MAX_DAYS: '90' }, viewport: size });

  it('ticket and PDF, check-in, scores imported, published by a second person, make-up for the practical, certificate, public verification', async () => {
    const server = phone.server();
    const admin = await post<{ token: string }>(server.url, '/api/staff/login', { username: 'admin', password: 'skillcert-admin-dev' });
    await post(server.url, '/api/staff/accounts', { ...PROCTOR, displayName: '林监考', kind: 'staff', roles: ['proctor'] }, admin.token);
    await post(server.url, '/api/staff/accounts', { ...PUBLISHER, displayName: '宋主任', kind: 'staff', roles: ['admin'] }, admin.token);
    const first = await post<{ id: string }>(
      server.url,
      '/api/sessions',
      { planId: 'shanghai-2026', date: '2026-03-27', site: '天宝路879号B楼301', levels: [3], capacity: 30 },
      admin.token,
    );
    const pages: Page[] = [];
    const moveTo = async (instant: string) => {
      await setServerClock(server.url, instant);
      for (const p of pages) await p.clock.setFixedTime(new Date(instant));
    };

    // She applies for level 3 as a final-year student of a technical school's senior-worker class; approved; pays ¥450.
    const candidate = phone.page();
    pages.push(candidate);
    const residentId = residentIdFrom('31010920070502024');
    await signInWithProfile(candidate, server.url, '陈晓', residentId);
    await fillShanghaiAsFinalYearStudent(candidate, server.url, residentId, 3, '技工院校高级工班');
    await attachMaterials(candidate, '陈晓');
    await submitApplication(candidate);
    await candidate.locator('[data-testid="application-status"]').getByText('审核中').waitFor();
    const applicationId = new URL(candidate.url().replace('#', '')).searchParams.get('id')!;
    await post(server.url, `/api/review/applications/${applicationId}/approve`, {}, admin.token);
    await candidate.reload();
    await candidate.locator('[data-testid="payment-details"]').getByText('¥450.00').first().waitFor();
    await candidate.locator('.pay-wechat').tap();

    // The ticket: open today; the page, and the PDF (Chinese embedded).
    const ticket = candidate.locator('[data-testid="ticket"]');
    await ticket.locator('[data-testid="qr-code"]').waitFor();
    const ticketNo = (await ticket.locator('.reference').textContent())!.trim();
    expect(ticketNo).toMatch(/^260327\d{4}$/);
    await ticket.getByText('呼叫中心服务员 三级/高级工').waitFor();
    await candidate.waitForTimeout(300);
    await look(candidate, `30-journey-ticket-${size.width}.png`, { fullPage: true });
    const download = candidate.waitForEvent('download');
    await ticket.locator('.ticket-pdf').tap();
    const pdfPath = screenshotPath(`30-journey-ticket-${size.width}.pdf`);
    await (await download).saveAs(pdfPath);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile[23]?/);

    // Exam day: the proctor checks her in by the ticket number.
    await moveTo(EXAM_DAY);
    const door = await phone.anotherPhone();
    pages.push(door);
    await staffSignIn(door, server.url, PROCTOR);
    await door.locator('[data-testid="door-count"]').getByText('天宝路879号B楼301').waitFor();
    await door.locator('.ticket-no input').fill(ticketNo);
    await door.locator('.find-ticket').tap();
    await door.locator('[data-testid="door-candidate"]').getByText('陈晓').waitFor();
    await door.locator('.admit').tap();
    await door.locator('[data-testid="door-count"] .present').getByText('1').waitFor();
    await candidate.reload();
    await candidate.locator('[data-testid="result"]').getByText('成绩预计于', { exact: false }).waitFor();

    // Results: the proctor imports the sheet (theory 75, practical 52); the second admin publishes.
    await moveTo(RESULTS_DAY);
    const uploadScores = async (sessionId: string, rows: (string | number)[][], imported: string) => {
      await door.goto(`${server.url}/#/packages/staff/results/index?sessionId=${sessionId}`);
      const chooser = door.waitForEvent('filechooser');
      await door.locator('.upload-scores').tap();
      await (
        await chooser
      ).setFiles({ name: '成绩.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await scoreSheet(rows) });
      await door.locator('[data-testid="score-report"]').getByText(imported).waitFor();
    };
    await uploadScores(first.id, [[ticketNo, '陈晓', 75, 52]], '已导入1名考生的成绩');
    const publisher = await phone.anotherPhone();
    pages.push(publisher);
    await staffSignIn(publisher, server.url, PUBLISHER);
    const publish = async (sessionDate: string) => {
      await publisher.locator('.staff-bar').getByText('成绩', { exact: true }).tap();
      await publisher.locator('.session-row').filter({ hasText: sessionDate }).tap();
      await publisher.locator('.publish-results').tap();
      await publisher.locator('.taro-modal__foot').getByText('发布', { exact: true }).tap();
      await publisher.locator('[data-testid="results-session"]').getByText('已发布').waitFor();
    };
    await publish('2026年3月27日');
    await publisher.waitForTimeout(300);
    await look(publisher, `31-journey-published-${size.width}.png`, { fullPage: true });

    // She sees each subject, and applies to make up the practical.
    await candidate.reload();
    const result = candidate.locator('[data-testid="result"]');
    await result.getByText('75分 · 合格').waitFor();
    await result.getByText('52分 · 不合格').waitFor();
    const makeup = candidate.locator('[data-testid="makeup"]');
    await makeup.getByText('可补考科目：操作技能', { exact: false }).waitFor();
    // Where else results are looked up, and the make-up rules — each in the notice's words.
    await result.locator('[data-testid="results-lookup"]').getByText('职业技能证书查询', { exact: false }).waitFor();
    await makeup.locator('[data-testid="makeup-notes"]').getByText('补考有效期内考核模式如发生变化，应按公布的补考方案进行申报。').waitFor();
    await candidate.waitForTimeout(300);
    await look(candidate, `32-journey-result-${size.width}.png`, { fullPage: true });
    await makeup.locator('.apply-makeup').tap();
    await candidate.locator('.taro-modal__foot').getByText('申请', { exact: true }).tap();
    await candidate.locator('[data-testid="application-status"]').getByText('三级/高级工 · 补考').waitFor();
    const makeupId = new URL(candidate.url().replace('#', '')).searchParams.get('id')!;
    expect(makeupId).not.toBe(applicationId);

    // Reviewed, seated in the make-up session, paid at the practical's fee.
    const second = await post<{ id: string }>(
      server.url,
      '/api/sessions',
      { planId: 'shanghai-2026', date: '2026-04-24', site: '天宝路879号B楼302', levels: [3], capacity: 30 },
      admin.token,
    );
    await post(server.url, `/api/review/applications/${makeupId}/approve`, {}, admin.token);
    await candidate.reload();
    const makeupPayment = candidate.locator('[data-testid="payment-details"]');
    await makeupPayment.getByText('¥350.00').first().waitFor();
    // Before: every subject of the level was listed (理论知识 ¥100.00) above a total of the practical alone.
    expect(await makeupPayment.getByText('理论知识').count()).toBe(0);
    await candidate.locator('.pay-wechat').tap();
    await candidate.locator('[data-testid="receipt"]').getByText('缴费成功').waitFor();

    // Make-up day: her new ticket (the practical only), checked in; the practical passed, published.
    await moveTo(MAKEUP_DAY);
    await candidate.reload();
    const makeupTicket = candidate.locator('[data-testid="ticket"]');
    await makeupTicket.locator('[data-testid="qr-code"]').waitFor();
    const makeupNo = (await makeupTicket.locator('.reference').textContent())!.trim();
    expect(await makeupTicket.locator('.pay-line').getByText('理论知识').count()).toBe(0);
    await door.goto(`${server.url}/#/packages/staff/door/index`);
    await door.locator('.ticket-no input').fill(makeupNo);
    await door.locator('.find-ticket').tap();
    await door.locator('.admit').tap();
    await door.locator('[data-testid="door-count"] .present').getByText('1').waitFor();
    await moveTo(MAKEUP_RESULTS_DAY);
    // This time the proctor types the one mark by hand.
    await door.goto(`${server.url}/#/packages/staff/results/index?sessionId=${second.id}`);
    const row = door.locator(`[data-testid="result-${makeupNo}"]`);
    await row.getByText('待录入').waitFor();
    await row.tap();
    await row.locator('.score-practical input').fill('七十');
    await row.locator('.save-scores').tap();
    await row.getByText('不是有效成绩', { exact: false }).waitFor();
    await row.locator('.score-practical input').fill('70');
    await row.locator('.save-scores').tap();
    await row.getByText('合格', { exact: true }).waitFor();
    await publisher.goto(`${server.url}/#/packages/staff/queue/index`);
    await publish('2026年4月24日');

    // The level is complete: the certificate, and anyone can verify it.
    await candidate.reload();
    const certificate = candidate.locator('[data-testid="certificate"]');
    await certificate.getByText('有效').waitFor();
    const number = (await certificate.locator('.reference').textContent())!.trim();
    expect(number).toMatch(/^SH2026\d{6}$/);
    await candidate.locator('[data-testid="result"]').getByText('70分 · 合格').waitFor();
    await candidate.waitForTimeout(300);
    // She collects in person: said in words, with where; the main button is not the way she did not choose.
    await certificate.locator('.chosen-collection').getByText('已选择到受理点领取', { exact: false }).waitFor();
    expect(await certificate.locator('.choose-post').count()).toBe(0);
    await certificate
      .locator('[data-testid="collection-note"]')
      .getByText('证书由本人至上海市算力网络协会业务受理点领取（或快递到付）', { exact: false })
      .waitFor();
    await look(candidate, `33-journey-certificate-${size.width}.png`, { fullPage: true });

    // She collects it at the acceptance point; the counter records the hand-over and she sees it.
    await publisher.goto(`${server.url}/#/packages/staff/certificates/index`);
    await publisher.reload();
    const counterRow = publisher.locator(`[data-testid="certificate-${number}"]`);
    await counterRow.getByText('本人到受理点领取', { exact: false }).waitFor();
    await publisher.waitForTimeout(300);
    // The hand-over screen carries no blue bulk-revocation form: it stays closed until asked for (issue 14, item 8).
    await publisher.locator('[data-testid="open-revoke"]').waitFor();
    expect(await publisher.locator('[data-testid="revoke"]').count()).toBe(0);
    await look(publisher, `35-journey-counter-${size.width}.png`, { fullPage: true });
    await counterRow.locator('.record-hand-over').tap();
    await counterRow.getByText('交付', { exact: false }).waitFor();
    await candidate.reload();
    await candidate.locator('[data-testid="certificate"]').getByText('交付', { exact: false }).waitFor();

    const stranger = await phone.anotherPhone();
    await stranger.goto(`${server.url}/#/packages/verify/index`);
    await stranger.locator('.verify-number input').fill(number);
    await stranger.locator('.verify-name input').fill('陈小');
    await stranger.locator('.verify-now').tap();
    await stranger.locator('.verify-problem').getByText('未查到该证书', { exact: false }).waitFor();
    await stranger.locator('.verify-name input').fill('陈晓');
    await stranger.locator('.verify-now').tap();
    const verified = stranger.locator('[data-testid="verification"]');
    await verified.getByText('证书有效').waitFor();
    await verified.getByText('陈*').waitFor();
    await verified.getByText('三级/高级工').waitFor();
    await stranger.waitForTimeout(300);
    await look(stranger, `34-journey-verified-${size.width}.png`, { fullPage: true });
  });
});
