import ExcelJS from 'exceljs';
import request from 'supertest';
import { as as client, aCandidate, aResidentId, bindWechatPhone, databaseTargets, startServer, uploadFile, type TestServer } from '../../test/harness';
import { roster, type Student } from '@skillcert/test-support';

// 2026-03-10 10:00 in Shanghai: the March window is open.
const NOW = new Date('2026-03-10T02:00:00Z');

const aStudent = (i: number): Student => ({
  name: `学员${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'一二三四五六七八九十'[Math.floor(i / 10) % 10]}`,
  residentId: aResidentId('20080901'),
  phone: `139${String(10000000 + i).slice(-8)}`,
  school: '中等职业学校',
  major: '本专业',
  finalYear: '是',
});

describe.each(databaseTargets())('group declaration on $name', (target) => {
  let server: TestServer;
  let admin: string;
  let clerk: string;
  let otherClerk: string;

  const login = async (username: string, password: string) =>
    (await request(server.url).post('/api/staff/login').send({ username, password }).expect(200)).body.token as string;
  const as = (token: string) => client(server, token);

  beforeAll(async () => {
    server = await startServer(target, NOW, { ADMIN_USERNAME: 'batch.admin', ADMIN_PASSWORD: 'batch-admin-pass' });
    admin = await login('batch.admin', 'batch-admin-pass');
    for (const [username, institutionName] of [
      ['school.a', '上海市某职业技术学校'],
      ['school.b', '上海市另一培训学校'],
    ]) {
      await as(admin)
        .post('/api/staff/accounts', { username, displayName: '王老师', password: 'school-pass-2026', kind: 'institution', institutionName })
        .expect(201);
    }
    clerk = await login('school.a', 'school-pass-2026');
    otherClerk = await login('school.b', 'school-pass-2026');
    await as(admin)
      .post('/api/staff/accounts', { username: 'batch.reviewer', displayName: '李审核', password: 'reviewer-pass-2026', kind: 'staff', roles: ['reviewer'] })
      .expect(201);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('the template is a real Excel file with the roster columns', async () => {
    const res = await as(clerk)
      .get('/api/institution/batches/roster-template')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const headers = (workbook.worksheets[0]?.getRow(1).values as string[]).filter(Boolean);
    expect(headers.slice(0, 3)).toEqual(['姓名*', '身份证号*', '手机号*']);
    expect(headers).toContain('在读应届');
  });

  it('a 40-row roster with 3 bad rows: exactly those rows reported, the rest kept; fixed, pre-reviewed, submitted, bulk-approved, claimed', async () => {
    const batch = (await as(clerk).post('/api/institution/batches', { planId: 'shanghai-2026', level: 4, name: '2026届客服1班' }).expect(201)).body;
    const students = Array.from({ length: 40 }, (_, i) => aStudent(i));
    const claimant = await aCandidate(server, 'claiming-student');
    students[0] = { ...students[0]!, name: '陈同学', residentId: claimant.residentId };

    // Sheet rows are 1-based with the header in row 1: students[3] is row 5.
    const broken = students.map((s) => ({ ...s }));
    broken[3]!.residentId = `${broken[3]!.residentId.slice(0, 17)}${broken[3]!.residentId.endsWith('0') ? '1' : '0'}`;
    broken[15]!.phone = '';
    broken[31] = { ...broken[31]!, school: '', major: '', finalYear: '' };
    const first = await as(clerk)
      .upload(`/api/institution/batches/${batch.id}/roster`, await roster(broken))
      .expect(200);
    expect(first.body.accepted).toBe(37);
    expect(first.body.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [5, '身份证号'],
      [17, '手机号'],
      [33, '申报条件'],
    ]);
    expect(first.body.issues[1].message).toBe('请填写手机号');
    expect(first.body.batch.members).toHaveLength(37);

    // Another school sees nothing of it.
    await as(otherClerk).get(`/api/institution/batches/${batch.id}`).expect(404);

    const fixed = await as(clerk)
      .upload(`/api/institution/batches/${batch.id}/roster`, await roster(students))
      .expect(200);
    expect(fixed.body).toMatchObject({ accepted: 40, issues: [] });
    const members: { applicationId: string; row: number; residentIdMasked: string }[] = fixed.body.batch.members;
    expect(members).toHaveLength(40);
    expect(members.every((m) => /^\d{4}\*{10}\d{3}[\dX]$/.test(m.residentIdMasked))).toBe(true);

    // Submitting before 初审 and before the proof is attached is refused, saying who.
    const early = await as(clerk).post(`/api/institution/batches/${batch.id}/submit`).expect(400);
    expect(early.body.message).toBe('还有40名学员未完成初审');

    const idCard = await uploadFile(server, clerk, 'jpeg');
    const proof = await uploadFile(server, clerk, 'pdf');
    for (const member of members) {
      await as(clerk)
        .put(`/api/institution/batches/${batch.id}/members/${member.applicationId}/materials`, {
          materials: [
            { materialId: 'id-card', fileIds: [idCard] },
            { materialId: 'eligibility-proof', fileIds: [proof] },
          ],
        })
        .expect(200);
    }
    const excluded = members[39]!.applicationId;
    await as(clerk)
      .post(`/api/institution/batches/${batch.id}/prereview`, { applicationIds: members.slice(0, 39).map((m) => m.applicationId), decision: 'passed' })
      .expect(200);
    await as(clerk)
      .post(`/api/institution/batches/${batch.id}/prereview`, { applicationIds: [excluded], decision: 'excluded' })
      .expect(400);
    await as(clerk)
      .post(`/api/institution/batches/${batch.id}/prereview`, { applicationIds: [excluded], decision: 'excluded', note: '本人放弃申报' })
      .expect(200);
    const submitted = await as(clerk).post(`/api/institution/batches/${batch.id}/submit`).expect(200);
    expect(submitted.body.state).toBe('submitted');
    expect(submitted.body.members.filter((m: { state: string }) => m.state === 'submitted')).toHaveLength(39);
    expect(submitted.body.members.find((m: { applicationId: string }) => m.applicationId === excluded).state).toBe('withdrawn');
    await as(clerk).post(`/api/institution/batches/${batch.id}/submit`).expect(409);

    await as(admin)
      .post('/api/sessions', { planId: 'shanghai-2026', date: '2026-04-18', site: '天宝路879号', levels: [4], capacity: 50 })
      .expect(201);
    const reviewer = await login('batch.reviewer', 'reviewer-pass-2026');
    const queue = await as(reviewer).get('/api/review/applications').query({ batchId: batch.id, channel: 'group' }).expect(200);
    expect(queue.body).toHaveLength(39);
    const returned = members[7]!.applicationId;
    const bulk = await as(reviewer)
      .post(`/api/review/batches/${batch.id}/approve`, { exceptions: [{ applicationId: returned, decision: 'returned', note: '在读证明缺学校公章' }] })
      .expect(200);
    expect(bulk.body).toMatchObject({ approved: 38, returned: 1, rejected: 0, skipped: [] });
    const approved = await as(reviewer).get('/api/review/applications').query({ batchId: batch.id, state: 'approved' }).expect(200);
    expect(approved.body).toHaveLength(38);
    expect(approved.body.every((a: { seat?: object }) => a.seat)).toBe(true);

    // The student follows it in the app: their verified ID and name, plus the phone the school gave.
    // Knowing the roster's phone is not enough: the number WeChat verified for this account must be it.
    expect((await as(claimant.token).post('/api/applications/claim').expect(409)).body.code).toBe('PHONE_NOT_VERIFIED');
    const bindPhone = (phone: string) => bindWechatPhone(server, claimant.token, phone);
    await bindPhone('13900000000');
    expect((await as(claimant.token).post('/api/applications/claim').expect(404)).body.code).toBe('GROUP_APPLICATION_NOT_FOUND');
    await bindPhone(students[0]!.phone);
    const claimed = await as(claimant.token).post('/api/applications/claim').expect(200);
    expect(claimed.body).toHaveLength(1);
    expect(claimed.body[0]).toMatchObject({
      channel: 'group',
      state: 'approved',
      batch: { id: batch.id, name: batch.name, institution: '上海市某职业技术学校' },
      feeFen: 40000,
    });
    const mine = await as(claimant.token).get('/api/applications').expect(200);
    expect(mine.body.map((a: { id: string }) => a.id)).toContain(claimed.body[0].id);
  });

  it('an unreadable file or a sheet without the required columns is refused as a whole', async () => {
    const batch = (await as(clerk).post('/api/institution/batches', { planId: 'shanghai-2026', level: 4, name: '空白测试' }).expect(201)).body;
    const garbage = await as(clerk).upload(`/api/institution/batches/${batch.id}/roster`, Buffer.from('not a spreadsheet')).expect(422);
    expect(garbage.body.code).toBe('ROSTER_INVALID');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['姓名', '电话']);
    const noId = await as(clerk)
      .upload(`/api/institution/batches/${batch.id}/roster`, Buffer.from(await workbook.xlsx.writeBuffer()))
      .expect(422);
    expect(noId.body.message).toBe('名单缺少必填列：身份证号、手机号。请使用下载的模板');
  });
});
