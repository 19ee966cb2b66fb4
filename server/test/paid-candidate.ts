import { as, aCandidate, type TestServer } from './harness';

const FINAL_YEAR = { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };

/**
 * A level-4 Shanghai candidate who applied, was approved (a seat held in the
 * first session with room) and paid by WeChat. `subscribe`: the messages they
 * allowed after paying (true: the ticket's); `email`: they gave an address.
 */
export async function aPaidCandidate(
  server: TestServer,
  adminToken: string,
  persona: string,
  name: string,
  options: { subscribe?: boolean | ('ticket' | 'results' | 'review')[]; email?: string } = {},
) {
  const candidate = await aCandidate(server, persona, undefined, name);
  const me = as(server, candidate.token);
  if (options.email) await me.put('/api/me/profile', { name, residentId: candidate.residentId, email: options.email }).expect(200);
  const applied = await me.post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...candidate.proof }).expect(201);
  await as(server, adminToken).post(`/api/review/applications/${applied.body.id}/approve`, {}).expect(200);
  const order = (await me.post(`/api/applications/${applied.body.id}/payments/wechat`).expect(200)).body;
  await server.wechat.pay.pay(order.outTradeNo);
  if (options.subscribe) {
    const accepted = options.subscribe === true ? ['ticket'] : options.subscribe;
    const { templates } = (await me.get('/api/me/subscriptions').expect(200)).body as { templates: { kind: string; templateId: string }[] };
    await me
      .post('/api/me/subscriptions', {
        choices: templates.map((t) => ({ templateId: t.templateId, choice: accepted.includes(t.kind as 'ticket') ? 'accept' : 'reject' })),
      })
      .expect(200);
  }
  return { ...candidate, id: applied.body.id as string, openid: server.wechat.openidFor(persona) };
}
