import { aCandidate, as, databaseTargets, startServer, type TestServer } from '../../test/harness';

const NOW = new Date('2026-03-10T02:00:00Z');

describe.each(databaseTargets())('subscribe-message choices on $name', (target) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(target, NOW);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('names the three templates to ask for, and keeps each accept as one credit', async () => {
    const { token } = await aCandidate(server, 'subscriber');
    const before = (await as(server, token).get('/api/me/subscriptions').expect(200)).body;
    expect(before).toEqual({
      templates: [
        { kind: 'ticket', templateId: 'dev-template-ticket-available', title: '准考证可下载提醒' },
        { kind: 'results', templateId: 'dev-template-results-published', title: '成绩发布提醒' },
        { kind: 'review', templateId: 'dev-template-review-result', title: '审核结果通知' },
      ],
      credits: { ticket: 0, results: 0, review: 0 },
    });
    const choices = [
      { templateId: 'dev-template-ticket-available', choice: 'accept' },
      { templateId: 'dev-template-results-published', choice: 'reject' },
      { templateId: 'someone-elses-template', choice: 'accept' },
    ];
    expect((await as(server, token).post('/api/me/subscriptions', { choices }).expect(200)).body.credits).toEqual({ ticket: 1, results: 0, review: 0 });
    // Accepting again (after the next payment) allows one more message.
    expect((await as(server, token).post('/api/me/subscriptions', { choices }).expect(200)).body.credits).toEqual({ ticket: 2, results: 0, review: 0 });
    const other = await aCandidate(server, 'not-subscribed');
    expect((await as(server, other.token).get('/api/me/subscriptions').expect(200)).body.credits).toEqual({ ticket: 0, results: 0, review: 0 });
  });

  it('refuses more than WeChat lets an app ask for at once', async () => {
    const { token } = await aCandidate(server, 'greedy');
    const choices = Array.from({ length: 4 }, (_, i) => ({ templateId: `t-${i}-xxxxxxxx`, choice: 'accept' }));
    const res = await as(server, token).post('/api/me/subscriptions', { choices }).expect(400);
    expect(res.body.issues).toEqual([{ path: 'choices', message: '一次最多订阅3种消息' }]);
  });
});
