import { applyAsShanghaiStudent, residentIdFrom } from './candidate';
import { look, PHONE_SIZES, usePhone } from './phone';
import { staffSignIn } from './staff';

const ADMIN = { username: 'admin', password: 'skillcert-admin-dev' };

/**
 * The reviewer at the counter with a queue in front of her (issue 14, item 8): the proof large and
 * before the facts, the whole ID number when she matches the original card (recorded), and the
 * 退回 form brought into view when she opens it on a small phone.
 */
describe.each(PHONE_SIZES)('H5 at $width×$height: the reviewer at the counter', (size) => {
  const phone = usePhone({ fixedNow: '2026-03-10T10:00:00+08:00', viewport: size });

  it('shows the proof first and large, the full ID on purpose, and the return form where she can see it', async () => {
    const candidate = phone.page();
    const { url } = phone.server();
    const residentId = residentIdFrom(`3101092008090171${size.width === 360 ? 1 : 2}`);
    await applyAsShanghaiStudent(candidate, url, residentId);

    const reviewer = await phone.anotherPhone();
    await staffSignIn(reviewer, url, ADMIN);
    // An account named after its role is introduced once (before: 管理员 · 管理员), its pages as thumb-sized tiles.
    await reviewer.locator('.staff-bar .who').getByText('管理员', { exact: true }).waitFor();
    expect(await reviewer.locator('.staff-bar .staff-link').count()).toBe(6);
    await reviewer.locator('[data-testid="queue-item"]').filter({ hasText: '陈同学' }).tap();
    const proof = reviewer.locator('[data-testid="review-material-eligibility-proof"] .material-thumb');
    await proof.waitFor();
    // Before: 75 px thumbnails below the facts.
    expect((await proof.boundingBox())!.width).toBeGreaterThanOrEqual(140);
    expect((await proof.boundingBox())!.y).toBeLessThan((await reviewer.locator('[data-testid="facts"]').boundingBox())!.y);

    // Before: the ID stayed masked at the counter, where the original card is matched.
    await reviewer.locator('.reveal-resident-id').tap();
    await reviewer.locator('.taro-modal__foot').getByText('显示', { exact: true }).tap();
    await reviewer.locator('[data-testid="full-resident-id"]').getByText(residentId).waitFor();
    await look(reviewer, `reviewer-counter-${size.width}.png`);

    // Before: on 360×640 the form opened below the fold and nothing seemed to happen.
    await reviewer.locator('.decision-bar .return').tap();
    const form = reviewer.locator('[data-testid="return-form"]');
    await form.waitFor();
    await reviewer.waitForFunction(() => {
      const box = document.querySelector('[data-testid="return-form"]')?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.top < window.innerHeight / 2;
    });
    await look(reviewer, `reviewer-return-form-${size.width}.png`);
  });
});
