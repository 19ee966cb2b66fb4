import { MISCONDUCT_ACTS } from '@skillcert/shared';
import request from 'supertest';
import { anExamBody } from '../../test/exam-body';
import { as, databaseTargets, type TestServer } from '../../test/harness';
import { deliverAll } from '../../test/outbox';
import { aPaidCandidate } from '../../test/paid-candidate';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink';

const NOW = new Date('2026-03-10T02:00:00Z');
const EXAM_MORNING = new Date('2026-03-27T00:30:00Z');
const RESULTS_DAY = new Date('2026-04-02T02:00:00Z');

describe.each(databaseTargets())('certificates on $name', (target) => {
  let server: TestServer;
  let smtp: SmtpSink;
  let admin: string;
  let proctor: string;
  let publisher: string;
  let sessionId: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    ({ server, admin, proctor, publisher, sessionId } = await anExamBody(target, NOW, {
      prefix: 'cert',
      env: { SMTP_URL: smtp.url, VERIFY_LOOKUPS_PER_ADDRESS: '8' },
    }));
  });

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('issued when every subject passes, collected as chosen, verified by number and name, revoked with the holders told', async () => {
    const chen = await aPaidCandidate(server, admin, 'cert-chen', '陈同学', { email: 'chen@example.com' });
    const wang = await aPaidCandidate(server, admin, 'cert-wang', '王同学');
    const zhao = await aPaidCandidate(server, admin, 'cert-zhao', '赵同学');
    try {
      server.clock.set(EXAM_MORNING);
      for (const c of [chen, wang, zhao]) {
        const { ticketNo } = (await as(server, c.token).get(`/api/applications/${c.id}/ticket`).expect(200)).body;
        await as(server, proctor).post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo }).expect(200);
      }
      server.clock.set(RESULTS_DAY);
      const enter = (id: string, theory: string, practical: string) =>
        as(server, proctor).put(`/api/results/sessions/${sessionId}/candidates/${id}`, { scores: { theory, practical } }).expect(200);
      await enter(chen.id, '80', '70');
      await enter(wang.id, '75', '52');
      await enter(zhao.id, '90', '95');
      await as(server, publisher).post(`/api/results/sessions/${sessionId}/publish`).expect(200);

      const chenView = (await as(server, chen.token).get(`/api/applications/${chen.id}`).expect(200)).body;
      expect(chenView.state).toBe('certified');
      expect(chenView.certificate).toMatchObject({
        number: expect.stringMatching(/^SH2026\d{6}$/),
        holderName: '陈同学',
        occupation: '呼叫中心服务员',
        levelName: '四级/中级工',
        issuedOn: '2026-04-02',
        body: '上海市算力网络协会',
        status: 'valid',
        collection: { method: 'pickup' },
      });
      const wangView = (await as(server, wang.token).get(`/api/applications/${wang.id}`).expect(200)).body;
      expect(wangView.state).toBe('assessed');
      expect(wangView.certificate).toBeUndefined();
      const zhaoNumber = (await as(server, zhao.token).get(`/api/applications/${zhao.id}`).expect(200)).body.certificate.number;
      expect(zhaoNumber).not.toBe(chenView.certificate.number);

      // The holder has it sent postage-due; the counter records the tracking number.
      const collection = `/api/applications/${chen.id}/certificate/collection`;
      await as(server, chen.token).put(collection, { method: 'post' }).expect(400);
      await as(server, chen.token).put(collection, { method: 'post', address: '上海市虹口区某路1号 陈同学 13900000000' }).expect(200);
      const handOver = `/api/certificates/${chenView.certificate.id}/hand-over`;
      expect((await as(server, admin).post(handOver, {}).expect(400)).body).toEqual({ code: 'TRACKING_NO_REQUIRED', message: '快递到付须填写快递单号' });
      expect((await as(server, admin).post(handOver, { trackingNo: 'SF1234567890' }).expect(200)).body.collection).toMatchObject({
        method: 'post',
        trackingNo: 'SF1234567890',
        handedOverAt: RESULTS_DAY.toISOString(),
      });
      await as(server, chen.token).put(collection, { method: 'pickup' }).expect(409);

      // Anyone: number and name. The name shown partly; a wrong name finds nothing.
      const verify = (number: string, name: string) => request(server.url).get('/api/public/certificates/verify').query({ number, name });
      expect((await verify(chenView.certificate.number.toLowerCase(), '陈同学').expect(200)).body).toEqual({
        number: chenView.certificate.number,
        holderMasked: '陈*学',
        occupation: '呼叫中心服务员',
        levelName: '四级/中级工',
        issuedOn: '2026-04-02',
        body: '上海市算力网络协会',
        status: 'valid',
      });
      expect((await verify(chenView.certificate.number, '陈同').expect(404)).body.code).toBe('CERTIFICATE_NOT_FOUND');

      // An admin revokes in bulk, with the reason; unknown numbers are reported back.
      const revoked = await as(server, admin)
        .post('/api/certificates/revoke', { numbers: [chenView.certificate.number, 'SH2026999999'], reason: '复核发现考核记录存在错误' })
        .expect(200);
      expect(revoked.body).toEqual({ revoked: [chenView.certificate.number], notFound: ['SH2026999999'] });
      expect((await verify(chenView.certificate.number, '陈同学').expect(200)).body).toMatchObject({ status: 'revoked', revokedOn: '2026-04-02' });

      // A misconduct finding after the event voids the certificate too.
      await as(server, admin)
        .post('/api/misconduct', {
          applicationId: zhao.id,
          article: 4,
          act: MISCONDUCT_ACTS[4].acts[3]!,
          severity: 'minor',
          note: '考后核查发现替考',
          afterEvent: true,
        })
        .expect(201);
      expect((await verify(zhaoNumber, '赵同学').expect(200)).body.status).toBe('revoked');

      await deliverAll(server);
      const toChen = smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === 'chen@example.com').map((m) => m.subject);
      expect(toChen).toEqual(expect.arrayContaining(['证书已颁发：呼叫中心服务员 四级/中级工', `证书已撤销：${chenView.certificate.number}`]));

      // Walking the number space is cut short.
      let refused;
      for (let i = 0; i < 10 && !refused; i++) {
        const res = await verify(`SH2026${String(100 + i).padStart(6, '0')}`, '某某');
        if (res.status === 429) refused = res.body;
      }
      expect(refused).toEqual({ code: 'TOO_MANY_REQUESTS', message: expect.stringContaining('查询过于频繁') });
    } finally {
      server.clock.set(NOW);
    }
  });
});
