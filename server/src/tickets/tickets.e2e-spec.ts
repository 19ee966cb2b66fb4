import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { anApprovedClass } from '../../test/approved-class';
import { as, databaseTargets, startServer, type TestServer } from '../../test/harness';
import { deliverAll } from '../../test/outbox';
import { aPaidCandidate } from '../../test/paid-candidate';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink';
import { OutboxService } from '../notifications/outbox.service';
import { ScheduledNotices } from '../notifications/scheduled-notices';

const NOW = new Date('2026-03-10T02:00:00Z');
/** Friday 27 March 2026; its tickets open at 00:00 on Friday 20 March, Shanghai time. */
const SESSION_DATE = '2026-03-27';
const LAST_SECOND_BEFORE = new Date('2026-03-19T15:59:59Z');
const OPENING = new Date('2026-03-19T16:00:00Z');
const ARTIFACTS = resolve(__dirname, '..', '..', '..', 'test-artifacts');

describe.each(databaseTargets())('admission tickets and their notices on $name', (target) => {
  let server: TestServer;
  let smtp: SmtpSink;
  let admin: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startServer(target, NOW, {
      ADMIN_USERNAME: 'ticket.admin',
      ADMIN_PASSWORD: 'ticket-admin-password',
      SESSION_TTL_HOURS: '720',
      SMTP_URL: smtp.url,
    });
    admin = (await request(server.url).post('/api/staff/login').send({ username: 'ticket.admin', password: 'ticket-admin-password' }).expect(200)).body.token;
    await as(server, admin)
      .post('/api/sessions', {
        planId: 'shanghai-2026',
        date: SESSION_DATE,
        site: '上海市虹口区天宝路879号',
        levels: [3, 4],
        capacity: 50,
        theoryAt: '09:00',
        practicalAt: '13:30',
      })
      .expect(201);
  });

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const paid = (persona: string, name: string, options: { subscribe: boolean; email?: string }) => aPaidCandidate(server, admin, persona, name, options);

  it('refused the day before, served at 00:00; the subscribe message and the e-mail with the PDF arrive once each, and without a credit only the e-mail', async () => {
    const chen = await paid('ticket-chen', '陈同学', { subscribe: true, email: 'chen@example.com' });
    const wang = await paid('ticket-wang', '王同学', { subscribe: false, email: 'wang@example.com' });
    const notices = server.app.get(ScheduledNotices);

    server.clock.set(LAST_SECOND_BEFORE);
    try {
      const early = await as(server, chen.token).get(`/api/applications/${chen.id}/ticket`).expect(409);
      expect(early.body).toEqual({ code: 'TICKET_NOT_YET', message: '准考证将于2026年3月20日 00:00 开放下载' });
      await as(server, chen.token).get(`/api/applications/${chen.id}/ticket.pdf`).expect(409);
      expect(await notices.schedule()).toBe(0);

      server.clock.set(OPENING);
      const ticket = (await as(server, chen.token).get(`/api/applications/${chen.id}/ticket`).expect(200)).body;
      expect(ticket).toMatchObject({
        ticketNo: expect.stringMatching(/^260327\d{4}$/),
        name: '陈同学',
        residentIdMasked: expect.stringMatching(/^\d{4}\*{10}\d{3}[\dX]$/),
        levelName: '呼叫中心服务员 四级/中级工',
        session: { date: SESSION_DATE, site: '上海市虹口区天宝路879号' },
        subjects: [
          { kind: 'theory', name: expect.any(String), startsAt: '09:00' },
          { kind: 'practical', name: expect.any(String), startsAt: '13:30' },
        ],
      });
      expect(ticket.notices.length).toBeGreaterThan(3);
      // Someone else's ticket is nobody's business.
      await as(server, wang.token).get(`/api/applications/${chen.id}/ticket`).expect(404);

      expect(await notices.schedule()).toBe(3); // 陈: WeChat and e-mail; 王: e-mail only (no subscription accepted)
      expect(await notices.schedule()).toBe(0);
      // WeChat turning the first try back (as a busy machine's timeout did) changes nothing: still once each.
      server.wechat.failNext('/cgi-bin/message/subscribe/send', 'busy');
      await deliverAll(server);

      const messages = server.wechat.subscribeMessages.filter((m) => [chen.openid, wang.openid].includes(m.touser));
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({
        touser: chen.openid,
        page: `packages/account/application/index?id=${chen.id}`,
        data: { thing1: { value: '呼叫中心服务员（四级）' }, date2: { value: '2026年3月27日' }, thing3: { value: '上海市虹口区天宝路879号' } },
      });
      for (const field of Object.values(messages[0]!.data)) expect([...field.value].length).toBeLessThanOrEqual(20);

      const mails = smtp.received.filter(
        (m) => m.subject?.startsWith('准考证') && ['chen@example.com', 'wang@example.com'].includes(m.to && !Array.isArray(m.to) ? m.to.text : ''),
      );
      expect(mails.map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '')).sort()).toEqual(['chen@example.com', 'wang@example.com']);
      for (const mail of mails) {
        expect(mail.subject).toBe('准考证已可下载：呼叫中心服务员（四级） 2026年3月27日');
        expect(mail.attachments).toHaveLength(1);
        const [pdf] = mail.attachments;
        expect(pdf!.contentType).toBe('application/pdf');
        expect(pdf!.filename).toMatch(/^准考证-260327\d{4}\.pdf$/);
        expect(pdf!.content.subarray(0, 5).toString()).toBe('%PDF-');
      }
      // The PDF carries its Chinese as an embedded font subset (not a font the reader may lack).
      const chenPdf = mails.find((m) => m.text?.includes('陈同学'))!.attachments[0]!.content;
      expect(chenPdf.toString('latin1')).toMatch(/\/FontFile3?|\/FontFile2/);
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, `ticket-${target.name}.pdf`), chenPdf);

      const pdf = await as(server, chen.token).get(`/api/applications/${chen.id}/ticket.pdf`).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');

      const rows = await server.app.get(DataSource).query("SELECT channel, state, attempts FROM outbox WHERE kind = 'ticket' ORDER BY channel");
      expect(rows.map((r: { channel: string; state: string }) => `${r.channel}:${r.state}`)).toEqual(['email:sent', 'email:sent', 'wechat:sent']);
    } finally {
      server.clock.set(NOW);
    }
  });

  it('a school prints its whole class’s tickets as one PDF, from the same moment', async () => {
    const { clerk, batchId } = await anApprovedClass(server, admin, {
      username: 'ticket.school',
      institutionName: '上海市准考证职业学校',
      batchName: '2026届客服3班',
      students: [{ name: '林一' }, { name: '林二' }],
    });
    const school = as(server, clerk);
    const order = (await school.post(`/api/institution/batches/${batchId}/payments/wechat`).expect(200)).body.order;
    await server.wechat.pay.pay(order.outTradeNo);
    server.clock.set(LAST_SECOND_BEFORE);
    try {
      expect((await school.get(`/api/institution/batches/${batchId}/tickets.pdf`).expect(409)).body.code).toBe('TICKET_NOT_YET');
      server.clock.set(OPENING);
      const pdf = await request(server.url)
        .get(`/api/institution/batches/${batchId}/tickets.pdf`)
        .set('Authorization', `Bearer ${clerk}`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const bytes = pdf.body as Buffer;
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(bytes.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
      // Another school's clerk finds nothing there.
      const { clerk: stranger } = await anApprovedClass(server, admin, {
        username: 'ticket.stranger',
        institutionName: '上海市别的学校',
        batchName: '别班',
        students: [{ name: '周一' }],
      });
      await as(server, stranger).get(`/api/institution/batches/${batchId}/tickets.pdf`).expect(404);
    } finally {
      server.clock.set(NOW);
    }
  });

  it('WeChat busy → tried again later; an expired token → refreshed at once; no subscription left → not retried', async () => {
    const outbox = server.app.get(OutboxService);
    const notices = server.app.get(ScheduledNotices);
    const li = await paid('ticket-li', '李同学', { subscribe: true });
    const zhao = await paid('ticket-zhao', '赵同学', { subscribe: true });
    const sun = await paid('ticket-sun', '孙同学', { subscribe: true });
    server.clock.set(OPENING);
    try {
      expect(await notices.schedule()).toBe(3);
      const path = '/cgi-bin/message/subscribe/send';
      server.wechat.failNext(path, 'busy');
      server.wechat.expireTokens();
      server.wechat.failNext(path, 'noSubscription');
      await outbox.drain();
      const to = (openid: string) => server.wechat.subscribeMessages.filter((m) => m.touser === openid).length;
      const states = async () =>
        Object.fromEntries(
          (
            (await server.app
              .get(DataSource)
              .query("SELECT recipient, state FROM outbox WHERE channel = 'wechat' AND recipient IN (?, ?, ?)", [li.openid, zhao.openid, sun.openid])) as {
              recipient: string;
              state: string;
            }[]
          ).map((r) => [r.recipient, r.state]),
        );
      const first = await states();
      expect(Object.values(first).sort()).toEqual(['failed', 'pending', 'sent']);
      // Five seconds on, the busy one goes through; the refused one stays refused.
      server.clock.set(new Date(OPENING.getTime() + 6_000));
      await outbox.drain();
      const second = await states();
      expect(Object.values(second).sort()).toEqual(['failed', 'sent', 'sent']);
      expect([li, zhao, sun].map((c) => to(c.openid)).sort()).toEqual([0, 1, 1]);
    } finally {
      server.clock.set(NOW);
    }
  });
});
