import ExcelJS from 'exceljs';
import request from 'supertest';
import { aCandidate, as as client, databaseTargets, startServer, type TestServer } from '../../test/harness';
import { anApprovedClass } from '../../test/approved-class';

const NOW = new Date('2026-03-10T02:00:00Z');
const FINAL_YEAR = { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };
const REMARK = '呼叫中心服务员（4级）-考核费';
const SURNAMES = '赵钱孙李周吴郑王冯陈';
const nameOf = (i: number) => `${SURNAMES[i % 10]}${'一二三四五六七八九十'[Math.floor(i / 10)]}`;

/** A statement as the bank exports it: a title line, the header, then one line per transaction. */
async function statement(lines: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('交易明细');
  sheet.addRow(['中国民生银行 账户交易明细 642946633']);
  sheet.addRow(['交易时间', '借方金额', '贷方金额', '对方户名', '附言', '交易流水号']);
  for (const line of lines) sheet.addRow(line);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(databaseTargets())('bank transfer reconciliation on $name', (target) => {
  let server: TestServer;
  let finance: string;
  const applicants: { id: string; token: string; name: string }[] = [];

  beforeAll(async () => {
    server = await startServer(target, NOW, { ADMIN_USERNAME: 'bank.admin', ADMIN_PASSWORD: 'bank-admin-password' });
    const admin = (await request(server.url).post('/api/staff/login').send({ username: 'bank.admin', password: 'bank-admin-password' }).expect(200)).body.token;
    await client(server, admin)
      .post('/api/staff/accounts', { username: 'finance.zhao', displayName: '赵财务', password: 'finance-pass-2026', kind: 'staff', roles: ['finance'] })
      .expect(201);
    finance = (await request(server.url).post('/api/staff/login').send({ username: 'finance.zhao', password: 'finance-pass-2026' }).expect(200)).body.token;
    await client(server, admin)
      .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-03-28', site: '天宝路879号', levels: [4], capacity: 100 })
      .expect(201);
    for (let i = 0; i < 30; i++) {
      const name = nameOf(i);
      const { token, proof } = await aCandidate(server, `bank-${i}`, undefined, name);
      const applied = await client(server, token)
        .post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FINAL_YEAR, ...proof })
        .expect(201);
      await client(server, admin).post(`/api/review/applications/${applied.body.id}/approve`, {}).expect(200);
      applicants.push({ id: applied.body.id, token, name });
    }
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const upload = (bytes: Buffer) =>
    request(server.url)
      .post('/api/finance/statements')
      .set('Authorization', `Bearer ${finance}`)
      .attach('file', bytes, { filename: '对账单.xlsx', contentType: 'application/octet-stream' });
  const stateOf = async (i: number) => (await client(server, applicants[i]!.token).get(`/api/applications/${applicants[i]!.id}`).expect(200)).body;

  it('a 200-line statement: sure matches confirmed, the doubtful and unknown listed; the same statement again changes nothing', async () => {
    const lines: (string | number)[][] = [];
    // 20 students paid for themselves, exactly.
    for (let i = 0; i < 20; i++) lines.push([`2026-03-11 09:${String(i).padStart(2, '0')}:00`, '', '400.00', nameOf(i), REMARK, `MS${1000 + i}`]);
    // 5 paid by a parent: the name differs.
    for (let i = 20; i < 25; i++) lines.push([`2026-03-11 10:${String(i).padStart(2, '0')}:00`, '', '400.00', `${nameOf(i)}家长`, REMARK, `MS${1000 + i}`]);
    // 2 paid the wrong amount.
    for (let i = 25; i < 27; i++) lines.push([`2026-03-11 11:${String(i).padStart(2, '0')}:00`, '', '300.00', nameOf(i), REMARK, `MS${1000 + i}`]);
    // 173 lines that are not fees at all (some debits among them), with and without serial numbers.
    for (let n = 0; n < 173; n++) {
      const debit = n % 20 === 0;
      lines.push([
        `2026-03-12 ${String(8 + (n % 10)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00`,
        debit ? '12.00' : '',
        debit ? '' : `${100 + n}.${String(n % 100).padStart(2, '0')}`,
        `某公司${n}`,
        n % 2 ? '货款' : '往来款',
        n < 90 ? `OT${n}` : '',
      ]);
    }
    expect(lines).toHaveLength(200);

    const first = (await upload(await statement(lines)).expect(200)).body;
    expect(first).toMatchObject({ credits: 191, duplicates: 0, confirmed: 20, review: 7, unmatched: 164, issues: [] });
    expect(first.toDecide).toHaveLength(171);
    const parent = first.toDecide.find((c: { payer: string }) => c.payer === `${nameOf(20)}家长`);
    expect(parent).toMatchObject({ status: 'review', reason: '付款人与考生姓名不一致', amountFen: 40000 });
    expect(parent.candidates.map((c: { applicationId: string }) => c.applicationId)).toContain(applicants[20]!.id);
    const wrongAmount = first.toDecide.find((c: { payer: string }) => c.payer === nameOf(25));
    expect(wrongAmount).toMatchObject({
      status: 'review',
      reason: '金额与应缴金额不符',
      candidates: [{ applicationId: applicants[25]!.id, name: nameOf(25) }],
    });

    for (const i of [0, 7, 19]) {
      const paid = await stateOf(i);
      expect(paid.state).toBe('paid');
      // Paid when the bank received it: 09:0i Shanghai time on the 11th.
      expect(paid.payment).toMatchObject({ channel: 'bank', amountFen: 40000, paidAt: `2026-03-11T01:${String(i).padStart(2, '0')}:00.000Z` });
      expect(paid.timeline.at(-1)).toMatchObject({ to: 'paid', by: 'system', note: `银行转账 ¥400.00（付款人 ${nameOf(i)}）` });
    }
    for (const i of [20, 25, 29]) expect((await stateOf(i)).state).toBe('approved');

    const again = (await upload(await statement(lines)).expect(200)).body;
    expect(again).toMatchObject({ credits: 0, duplicates: 191, confirmed: 0, review: 0, unmatched: 0, toDecide: [] });
    const reviewList = (await client(server, finance).get('/api/finance/credits?status=review').expect(200)).body;
    expect(reviewList).toHaveLength(7);
    expect((await client(server, finance).get('/api/finance/credits?status=confirmed').expect(200)).body).toHaveLength(20);
  });

  it('finance confirms a parent’s transfer by hand — once, with their name on the timeline', async () => {
    const [credit] = (await client(server, finance).get('/api/finance/credits?status=review').expect(200)).body.filter(
      (c: { payer: string }) => c.payer === `${nameOf(21)}家长`,
    );
    const confirmed = await client(server, finance).post(`/api/finance/credits/${credit.id}/confirm`, { applicationId: applicants[21]!.id }).expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', applicationId: applicants[21]!.id });
    const paid = await stateOf(21);
    expect(paid).toMatchObject({ state: 'paid', payment: { channel: 'bank', paidAt: '2026-03-11T02:21:00.000Z' } });
    expect(paid.timeline.at(-1)).toMatchObject({ by: 'staff', note: `银行转账 ¥400.00（付款人 ${nameOf(21)}家长）` });
    expect(
      (await client(server, finance).post(`/api/finance/credits/${credit.id}/confirm`, { applicationId: applicants[22]!.id }).expect(409)).body.message,
    ).toBe('这笔款项已经处理过');
    expect((await stateOf(22)).state).toBe('approved');
  });

  it('a credit nobody could place is linked by hand to the application its remark names', async () => {
    // A parent's own words in the remark, not the published one: no rule can place it.
    const line = ['2026-03-13 15:00:00', '', '400.00', '张建国', `4级考核费 ${nameOf(27)}`, 'MS9028'];
    expect((await upload(await statement([line])).expect(200)).body).toMatchObject({ credits: 1, unmatched: 1 });
    const [credit] = (await client(server, finance).get('/api/finance/credits?status=unmatched').expect(200)).body.filter(
      (c: { payer: string }) => c.payer === '张建国',
    );
    const offered = (await client(server, finance).get(`/api/finance/credits/${credit.id}/applications`).expect(200)).body;
    // The one the remark names comes first; the others still waiting for their fee follow.
    expect(offered[0]).toMatchObject({ applicationId: applicants[27]!.id, name: nameOf(27), named: true, feeFen: 40000 });
    expect(offered.slice(1).every((p: { named: boolean }) => !p.named)).toBe(true);
    await client(server, finance).post(`/api/finance/credits/${credit.id}/confirm`, { applicationId: applicants[27]!.id }).expect(200);
    expect(await stateOf(27)).toMatchObject({ state: 'paid', payment: { channel: 'bank', amountFen: 40000 } });
    // Once placed, it is not offered again.
    await client(server, finance).post(`/api/finance/credits/${credit.id}/confirm`, { applicationId: applicants[29]!.id }).expect(409);
  });

  it('我已转账 with a parent’s name: the parent’s transfer is confirmed by the import, like the candidate’s own', async () => {
    const i = 29;
    const noted = await client(server, applicants[i]!.token).post(`/api/applications/${applicants[i]!.id}/transfer-notice`, { payer: ' 冯建军 ' }).expect(200);
    expect(noted.body.transferNotice).toMatchObject({ payer: '冯建军' });
    // Found by what it says: the test's clock stands still, so events of one instant have no order.
    expect(noted.body.timeline.find((e: { note?: string }) => e.note === '考生告知已转账，付款人：冯建军')).toMatchObject({ by: 'candidate' });
    // An empty name is refused in words; another candidate cannot say it for them.
    expect(
      (await client(server, applicants[i]!.token).post(`/api/applications/${applicants[i]!.id}/transfer-notice`, { payer: '  ' }).expect(400)).body.message,
    ).toContain('请填写付款人姓名');
    await client(server, applicants[0]!.token).post(`/api/applications/${applicants[i]!.id}/transfer-notice`, { payer: '冯建军' }).expect(404);

    const result = (await upload(await statement([['2026-03-13 16:00:00', '', '400.00', '冯建军', REMARK, 'MS9128']])).expect(200)).body;
    expect(result).toMatchObject({ credits: 1, confirmed: 1, review: 0, unmatched: 0 });
    const paid = await stateOf(i);
    expect(paid).toMatchObject({ state: 'paid', payment: { channel: 'bank', amountFen: 40000 } });
    // Paid: nothing more to say.
    await client(server, applicants[i]!.token).post(`/api/applications/${applicants[i]!.id}/transfer-notice`, { payer: '冯建军' }).expect(409);
  });

  it('one transfer of the batch total from the school pays every member of its class', async () => {
    const admin = (await request(server.url).post('/api/staff/login').send({ username: 'bank.admin', password: 'bank-admin-password' }).expect(200)).body.token;
    const { clerk, batchId } = await anApprovedClass(server, admin, {
      username: 'school.bank',
      institutionName: '上海市某职业技术学校',
      batchName: '2026届客服2班',
      students: [{ name: '林一' }, { name: '林二' }, { name: '林三' }],
    });
    const school = client(server, clerk);

    const result = (
      await upload(await statement([['2026-03-13 10:00:00', '', '1,200.00', '上海市某职业技术学校', '呼叫中心服务员（4级）-考核费', 'MS-BATCH-1']])).expect(200)
    ).body;
    expect(result).toMatchObject({ credits: 1, confirmed: 1, review: 0, unmatched: 0 });
    const members = (await school.get(`/api/institution/batches/${batchId}`).expect(200)).body.members;
    expect(members.map((m: { state: string }) => m.state)).toEqual(['paid', 'paid', 'paid']);
  });

  it('a bank with its own column names: finance maps them once, and from then on its statements read', async () => {
    const ownBank = Buffer.from(
      ['浦发银行 账户明细查询,,,,', '入账日期时间,发生额(贷),对手方名称,交易说明,业务流水', `2026-03-13 09:30:00,400.00,${nameOf(28)},${REMARK},PF-0001`].join(
        '\r\n',
      ),
      'utf8',
    );
    expect((await upload(ownBank).expect(422)).body.code).toBe('STATEMENT_COLUMNS_UNKNOWN');
    expect((await stateOf(28)).state).toBe('approved');

    const layout = await request(server.url)
      .post('/api/finance/statement-columns/layout')
      .set('Authorization', `Bearer ${finance}`)
      .attach('file', ownBank, { filename: '明细.csv', contentType: 'text/csv' })
      .expect(200);
    expect(layout.body).toEqual({ layout: { headerRow: 2, headers: ['入账日期时间', '发生额(贷)', '对手方名称', '交易说明', '业务流水'], columns: {} } });

    const mapping = { receivedAt: '入账日期时间', amount: '发生额(贷)', payer: '对手方名称', remark: '交易说明', reference: '业务流水' };
    const twice = await client(server, finance)
      .put('/api/finance/statement-columns', { ...mapping, amount: '交易说明' })
      .expect(400);
    expect(twice.body.message).toContain('同一列不能对应两项内容');
    // The first mapping saved from two tabs at once: both saved, one mapping.
    const tabs = await Promise.all([
      client(server, finance).put('/api/finance/statement-columns', mapping),
      client(server, finance).put('/api/finance/statement-columns', mapping),
    ]);
    expect(tabs.map((t) => [t.status, t.body])).toEqual([
      [200, { saved: mapping }],
      [200, { saved: mapping }],
    ]);
    expect((await client(server, finance).get('/api/finance/statement-columns').expect(200)).body).toEqual({ saved: mapping });

    expect((await upload(ownBank).expect(200)).body).toMatchObject({ credits: 1, confirmed: 1, review: 0, unmatched: 0 });
    expect((await stateOf(28)).state).toBe('paid');
    expect((await upload(ownBank).expect(200)).body).toMatchObject({ credits: 0, duplicates: 1 });
  });

  it('a line whose payer and remark run past any column is kept, once, under a key that fits', async () => {
    const long = await statement([['2026-03-14 10:00:00', '', '123.45', '某'.repeat(150), '备注很长'.repeat(80), '']]);
    expect((await upload(long).expect(200)).body).toMatchObject({ credits: 1, unmatched: 1 });
    expect((await upload(long).expect(200)).body).toMatchObject({ credits: 0, duplicates: 1 });
  });

  it('refuses a file that is not a statement, with the reason', async () => {
    const broken = await upload(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)])).expect(422);
    expect(broken.body).toEqual({ code: 'STATEMENT_INVALID', message: '文件无法读取，请上传银行导出的 .xlsx 或 .csv 文件' });
    // Columns nobody has mapped: finance is asked to say which is which, and nothing is imported.
    const unknown = await upload(Buffer.from('名字,金额\n张三,1\n')).expect(422);
    expect(unknown.body.code).toBe('STATEMENT_COLUMNS_UNKNOWN');
  });
});
