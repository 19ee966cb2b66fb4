import ExcelJS from 'exceljs';
import request from 'supertest';
import { anExamBody } from '../../test/exam-body';
import { as, databaseTargets, type TestServer } from '../../test/harness';
import { deliverAll } from '../../test/outbox';
import { aPaidCandidate } from '../../test/paid-candidate';

const NOW = new Date('2026-03-10T02:00:00Z');
const EXAM_MORNING = new Date('2026-03-27T00:30:00Z');
/** The following Thursday: results are entered and published. */
const RESULTS_DAY = new Date('2026-04-02T02:00:00Z');

async function sheet(rows: (string | number)[][], header = ['准考证号', '姓名', '理论知识', '操作技能']): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('成绩');
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(databaseTargets())('scores and results on $name', (target) => {
  let server: TestServer;
  let admin: string;
  let proctor: string;
  let publisher: string;
  let sessionId: string;

  beforeAll(async () => {
    ({ server, admin, proctor, publisher, sessionId } = await anExamBody(target, NOW, { prefix: 'results' }));
  });

  afterAll(async () => {
    await server?.close();
  });

  it('imports all rows or none, is published by a second person, and each candidate sees pass or fail per subject', async () => {
    const chen = await aPaidCandidate(server, admin, 'results-chen', '陈同学', { subscribe: ['ticket', 'results'] });
    const wang = await aPaidCandidate(server, admin, 'results-wang', '王同学');
    const li = await aPaidCandidate(server, admin, 'results-li', '李同学');
    try {
      server.clock.set(EXAM_MORNING);
      const ticketNo = async (c: { token: string; id: string }) =>
        (await as(server, c.token).get(`/api/applications/${c.id}/ticket`).expect(200)).body.ticketNo as string;
      const [chenNo, wangNo] = [await ticketNo(chen), await ticketNo(wang)];
      for (const no of [chenNo, wangNo]) await as(server, proctor).post(`/api/exam-day/sessions/${sessionId}/check-ins`, { ticketNo: no }).expect(200);
      expect((await as(server, chen.token).get(`/api/applications/${chen.id}`).expect(200)).body).toMatchObject({
        state: 'checked_in',
        resultsDueBy: '2026-04-27',
      });

      server.clock.set(RESULTS_DAY);
      const upload = (token: string, bytes: Buffer) =>
        request(server.url).post(`/api/results/sessions/${sessionId}/scores`).set('Authorization', `Bearer ${token}`).attach('file', bytes, 'scores.xlsx');
      // A sheet with mistakes: nothing of it is kept, and each mistake is named.
      const bad = await upload(
        proctor,
        await sheet([
          [chenNo, '陈同学', 75, '五十二'],
          ['2603279999', '某某', 80, 80],
          [wangNo, '王同学', 101, ''],
          [chenNo, '陈同学', 75, 52],
        ]),
      ).expect(200);
      expect(bad.body).toEqual({
        imported: 0,
        issues: [
          { row: 2, column: '操作技能', message: '“五十二”不是有效成绩（0-100，或填“缺考”）' },
          { row: 3, column: '准考证号', message: '“2603279999”不是本场次的考生' },
          { row: 4, column: '理论知识', message: '成绩101超过100分' },
          { row: 4, column: '操作技能', message: '请填写王同学的操作技能成绩' },
          { row: 5, column: '准考证号', message: '陈同学在表中出现了两次' },
        ],
      });
      const untouched = (await as(server, proctor).get(`/api/results/sessions/${sessionId}`).expect(200)).body;
      expect(untouched.enteredBy).toEqual([]);

      const good = await upload(
        proctor,
        await sheet([
          [chenNo, '陈同学', 75, 52],
          [wangNo, '王同学', 88, 90],
        ]),
      ).expect(200);
      expect(good.body).toEqual({ imported: 2, issues: [] });

      // The proctor entered them: neither they (not an admin) nor an admin who typed a mark may publish.
      await as(server, proctor).post(`/api/results/sessions/${sessionId}/publish`).expect(403);
      await as(server, admin)
        .put(`/api/results/sessions/${sessionId}/candidates/${wang.id}`, { scores: { theory: '88', practical: '91' } })
        .expect(200);
      const own = await as(server, admin).post(`/api/results/sessions/${sessionId}/publish`).expect(403);
      expect(own.body).toEqual({ code: 'PUBLISH_BY_OTHER', message: '成绩须由录入人以外的工作人员发布' });

      const published = (await as(server, publisher).post(`/api/results/sessions/${sessionId}/publish`).expect(200)).body;
      expect(published.published).toMatchObject({ by: '郑主任' });
      expect(published.enteredBy.sort()).toEqual(['吴监考', '管理员'].sort());

      const chenView = (await as(server, chen.token).get(`/api/applications/${chen.id}`).expect(200)).body;
      expect(chenView).toMatchObject({
        state: 'assessed',
        result: {
          passed: false,
          validThrough: '2028-03-26',
          subjects: [
            { kind: 'theory', score: 75, passed: true },
            { kind: 'practical', score: 52, passed: false },
          ],
        },
      });
      expect(chenView.resultsDueBy).toBeUndefined();
      expect((await as(server, wang.token).get(`/api/applications/${wang.id}`).expect(200)).body.result).toMatchObject({ passed: true });
      expect((await as(server, li.token).get(`/api/applications/${li.id}`).expect(200)).body.state).toBe('absent');

      await upload(proctor, await sheet([[chenNo, '陈同学', 80, 80]])).expect(409);
      await as(server, publisher).post(`/api/results/sessions/${sessionId}/publish`).expect(409);

      // 陈 allowed the "results" message: told once; 王 allowed none.
      await deliverAll(server);
      const told = server.wechat.subscribeMessages.filter((m) => [chen.openid, wang.openid].includes(m.touser));
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ touser: chen.openid, data: { thing1: { value: '呼叫中心服务员（四级）' }, phrase2: { value: '不合格' } } });
    } finally {
      server.clock.set(NOW);
    }
  });
});
