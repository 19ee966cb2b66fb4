import { applyAsShanghaiStudent, residentIdFrom } from './candidate';
import { look, PHONE_SIZES, usePhone } from './phone';
import { post } from './staff';

const REASON = '学籍证明不清晰，无法核验在读状态';

/** A rejection is not the end of the page (issue 14, item 4): the reason at the top, another level to try, whom to ask. */
describe.each(PHONE_SIZES)('H5 at $width×$height: a rejected application says why and what can still be done', (size) => {
  const phone = usePhone({ fixedNow: '2026-03-10T10:00:00+08:00', viewport: size });

  it('shows the reviewer’s reason first, offers the other levels, and names the body’s telephone', async () => {
    const page = phone.page();
    const { url } = phone.server();
    const residentId = residentIdFrom(`3101092008090141${size.width === 360 ? 1 : 2}`);
    await applyAsShanghaiStudent(page, url, residentId);
    const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id');
    expect(id).toBeTruthy();

    const { token } = await post<{ token: string }>(url, '/api/staff/login', { username: 'admin', password: 'skillcert-admin-dev' });
    await post(url, `/api/review/applications/${id}/reject`, { reason: REASON }, token);
    await page.reload();

    const next = page.locator('[data-testid="next-step"]');
    await next.getByText('审核未通过').waitFor();
    await next.getByText(`原因：${REASON}`).waitFor();
    await next.getByText('业务咨询电话：021-65791220').waitFor();
    // The card is the first thing on the page, above the status and the timeline where the reason used to be alone.
    expect((await next.boundingBox())!.y).toBeLessThan((await page.locator('[data-testid="timeline"]').boundingBox())!.y);
    await look(page, `rejected-${size.width}.png`);

    await next.locator('.apply-other-level').tap();
    await page.waitForURL(/packages\/check\/eligibility\/index\?planId=shanghai-2026&level=3/);
  });
});
