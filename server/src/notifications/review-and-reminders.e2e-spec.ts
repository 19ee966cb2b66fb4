import request from 'supertest';
import { DataSource } from 'typeorm';
import { aCandidate, as, databaseTargets, startServer, type TestServer } from '../../test/harness';
import { deliverAll } from '../../test/outbox';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink';
import { ScheduledNotices } from './scheduled-notices';

const NOW = new Date('2026-03-10T02:00:00Z');
const FINAL_YEAR = { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };

describe.each(databaseTargets())('review results and payment reminders on $name', (target) => {
  let server: TestServer;
  let smtp: SmtpSink;
  let admin: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startServer(target, NOW, {
      ADMIN_USERNAME: 'notice.admin',
      ADMIN_PASSWORD: 'notice-admin-password',
      SMTP_URL: smtp.url,
      SESSION_TTL_HOURS: '720',
    });
    admin = (await request(server.url).post('/api/staff/login').send({ username: 'notice.admin', password: 'notice-admin-password' }).expect(200)).body.token;
    await as(server, admin)
      .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-03-28', site: '天宝路879号', levels: [4], capacity: 20 })
      .expect(201);
  });

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const mailsTo = (address: string) => smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === address);

  /** A candidate who applied, gave an e-mail address and — `review` — allowed the "review result" message. */
  async function applied(persona: string, name: string, email: string, review: boolean) {
    const candidate = await aCandidate(server, persona, undefined, name);
    const me = as(server, candidate.token);
    await me.put('/api/me/profile', { name, residentId: candidate.residentId, email }).expect(200);
    if (review) {
      const { templates } = (await me.get('/api/me/subscriptions').expect(200)).body as { templates: { kind: string; templateId: string }[] };
      await me
        .post('/api/me/subscriptions', { choices: templates.map((t) => ({ templateId: t.templateId, choice: t.kind === 'review' ? 'accept' : 'reject' })) })
        .expect(200);
    }
    const application = (await me.post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...candidate.proof }).expect(201)).body;
    return { ...candidate, id: application.id as string, openid: server.wechat.openidFor(persona) };
  }

  it('the review decision is told once: by WeChat when allowed, and by e-mail', async () => {
    const chen = await applied('notice-chen', '陈同学', 'chen@example.com', true);
    const wang = await applied('notice-wang', '王同学', 'wang@example.com', false);
    await as(server, admin)
      .post(`/api/review/applications/${chen.id}/return`, { note: '在读证明需加盖学校公章，并注明预计毕业时间和所学专业名称', items: [] })
      .expect(200);
    await as(server, admin).post(`/api/review/applications/${wang.id}/approve`, {}).expect(200);
    await deliverAll(server);

    const wechat = server.wechat.subscribeMessages.filter((m) => [chen.openid, wang.openid].includes(m.touser));
    expect(wechat).toHaveLength(1);
    expect(wechat[0]!.data).toMatchObject({ thing1: { value: '呼叫中心服务员（四级）' }, phrase2: { value: '退回修改' } });
    expect([...wechat[0]!.data.thing3!.value]).toHaveLength(20);
    expect(mailsTo('chen@example.com').map((m) => m.subject)).toEqual(['审核结果：呼叫中心服务员（四级） 退回修改']);
    expect(mailsTo('wang@example.com').map((m) => m.subject)).toEqual(['审核结果：呼叫中心服务员（四级） 审核通过']);
  });

  it('a day before the payment deadline, an unpaid candidate is reminded once', async () => {
    const li = await applied('notice-li', '李同学', 'li@example.com', false);
    await as(server, admin).post(`/api/review/applications/${li.id}/approve`, {}).expect(200);
    const { heldUntil } = (await as(server, li.token).get(`/api/applications/${li.id}`).expect(200)).body.seat;
    const notices = server.app.get(ScheduledNotices);
    const reminders = async () =>
      (await server.app.get(DataSource).query("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'reminder' AND recipient = ?", ['li@example.com']))[0].n;
    try {
      server.clock.set(new Date(new Date(heldUntil).getTime() - 25 * 3_600_000));
      await notices.remindPayments();
      expect(Number(await reminders())).toBe(0);
      server.clock.set(new Date(new Date(heldUntil).getTime() - 23 * 3_600_000));
      await notices.remindPayments();
      await notices.remindPayments();
      expect(Number(await reminders())).toBe(1);
      await deliverAll(server);
      const [mail] = mailsTo('li@example.com').filter((m) => m.subject?.startsWith('缴费提醒'));
      expect(mail?.subject).toBe('缴费提醒：呼叫中心服务员（四级）考核费请于2026年3月17日 10:00前缴纳');
      expect(mail?.text).toContain('¥400.00');
    } finally {
      server.clock.set(NOW);
    }
  });
});
