import ExcelJS from 'exceljs';
import request from 'supertest';
import { getPlan, MISCONDUCT_ACTS } from '@skillcert/shared';
import { StaffService } from '../src/staff/staff.service';
import { aCandidate, aResidentId, databaseTargets, startServer, uploadFile, type TestServer } from './harness';

/**
 * Every route of the server, against every kind of caller. A route missing from
 * the table fails the test: a new route is classified before it ships.
 */
const NOW = new Date('2026-03-10T02:00:00Z');

type Role = 'anonymous' | 'candidate' | 'otherCandidate' | 'institution' | 'otherInstitution' | 'otherBodyStaff' | 'bodyAdmin';
type Outcome = 'ok' | 401 | 403 | 404;
const ROLES: Role[] = ['anonymous', 'candidate', 'otherCandidate', 'institution', 'otherInstitution', 'otherBodyStaff', 'bodyAdmin'];

const OUTSIDERS: Role[] = ['anonymous', 'otherCandidate', 'otherInstitution', 'otherBodyStaff'];
const everyone = (): Record<Role, Outcome> => Object.fromEntries(ROLES.map((r) => [r, 'ok'])) as Record<Role, Outcome>;
const only = (allowed: Partial<Record<Role, Outcome>>, otherwise: Outcome = 403): Record<Role, Outcome> =>
  Object.fromEntries(ROLES.map((r) => [r, r === 'anonymous' ? 401 : (allowed[r] ?? otherwise)])) as Record<Role, Outcome>;

/** The candidate's own record: another candidate sees nothing; the other kinds are refused outright. */
const candidateOwn = only({ candidate: 'ok', otherCandidate: 404 });
const candidateAny = only({ candidate: 'ok', otherCandidate: 'ok' });
const institutionOwn = only({ institution: 'ok', otherInstitution: 404 });
const institutionAny = only({ institution: 'ok', otherInstitution: 'ok' });
/** The body's staff record: staff of another body see nothing. */
const bodyOwn = only({ bodyAdmin: 'ok', otherBodyStaff: 404 });
const signedIn = only({ candidate: 'ok', otherCandidate: 'ok', institution: 'ok', otherInstitution: 'ok', otherBodyStaff: 'ok', bodyAdmin: 'ok' });

interface Fixture {
  application: string;
  session: string;
  member: string;
  batch: string;
  file: string;
  fileLink: string;
  visitCode: string;
  credit: string;
  staffAccount: string;
}

const ROUTES: Record<string, { expect: Record<Role, Outcome>; path?: (f: Fixture) => string; body?: object | ((f: Fixture) => object); fresh?: boolean }> = {
  'GET /api/health': { expect: everyone() },
  'GET /api/plans': { expect: everyone() },
  'GET /api/plans/:id': { expect: everyone(), path: () => '/api/plans/shanghai-2026' },
  'GET /api/calendar/:year': { expect: everyone(), path: () => '/api/calendar/2027' },
  // The State Council's arrangement is the same for every body: any body's admin may enter a year.
  // A body's plans are its own admins': another body's admin finds none of them.
  'GET /api/staff/plans': { expect: only({ otherBodyStaff: 'ok', bodyAdmin: 'ok' }) },
  'POST /api/staff/plans': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 404 }), body: () => ({ from: 'shanghai-2026', id: `draft-${Date.now()}` }) },
  'GET /api/staff/plans/:id': { expect: bodyOwn, path: () => '/api/staff/plans/shanghai-2026' },
  // The body's own admin is answered (an edit naming another id refused, nothing to publish), the shipped plan left as candidates see it.
  'PUT /api/staff/plans/:id': {
    expect: bodyOwn,
    path: () => '/api/staff/plans/shanghai-2026',
    body: () => ({ plan: { ...getPlan('shanghai-2026'), id: 'not-this-plan' } }),
  },
  'PUT /api/staff/plans/:id/notice': {
    expect: bodyOwn,
    path: () => '/api/staff/plans/shanghai-2026/notice',
    body: { text: '2026年上海市呼叫中心服务员社会化职业技能评价公告（全文）' },
  },
  'POST /api/staff/plans/:id/publish': { expect: bodyOwn, path: () => '/api/staff/plans/shanghai-2026/publish' },
  'PUT /api/staff/calendar/:year': {
    expect: only({ otherBodyStaff: 'ok', bodyAdmin: 'ok' }),
    path: () => '/api/staff/calendar/2099',
    body: { holidays: [{ date: '2099-01-01', name: '元旦' }] },
  },
  'POST /api/plans/:id/eligibility': {
    expect: everyone(),
    path: () => '/api/plans/shanghai-2026/eligibility',
    body: { level: 5, facts: { birthDate: '2000-01-01', intendsToWork: true } },
  },
  'GET /api/plans/:id/window': { expect: everyone(), path: () => '/api/plans/shanghai-2026/window?level=4' },
  'POST /api/auth/wechat': { expect: everyone() },
  'POST /api/auth/demo-code': { expect: everyone() },
  // Only a server in WeChat Cloud Hosting mode takes the platform's headers; this one is not.
  'POST /api/auth/wechat-cloud': { expect: Object.fromEntries(ROLES.map((r) => [r, 404])) as Record<Role, Outcome> },
  'POST /api/auth/refresh': { expect: signedIn, fresh: true },
  'POST /api/auth/logout': { expect: signedIn, fresh: true },
  'POST /api/staff/login': { expect: everyone() },
  'GET /api/staff/me': { expect: only({ institution: 'ok', otherInstitution: 'ok', otherBodyStaff: 'ok', bodyAdmin: 'ok' }) },
  'GET /api/staff/accounts': { expect: only({ otherBodyStaff: 'ok', bodyAdmin: 'ok' }) },
  'POST /api/staff/accounts': { expect: only({ otherBodyStaff: 'ok', bodyAdmin: 'ok' }) },
  'PUT /api/staff/me/password': { expect: only({ institution: 'ok', otherInstitution: 'ok', otherBodyStaff: 'ok', bodyAdmin: 'ok' }) },
  // An account's life is its own body's admins' business: another body's see nothing.
  'POST /api/staff/accounts/:id/disable': { expect: bodyOwn, path: (f) => `/api/staff/accounts/${f.staffAccount}/disable` },
  'POST /api/staff/accounts/:id/enable': { expect: bodyOwn, path: (f) => `/api/staff/accounts/${f.staffAccount}/enable` },
  'POST /api/staff/accounts/:id/reset-password': {
    expect: bodyOwn,
    path: (f) => `/api/staff/accounts/${f.staffAccount}/reset-password`,
    body: { temporaryPassword: 'temporary-access-2026' },
  },
  'POST /api/staff/accounts/:id/revoke-sessions': { expect: bodyOwn, path: (f) => `/api/staff/accounts/${f.staffAccount}/revoke-sessions` },
  'GET /api/me': { expect: candidateAny },
  'PUT /api/me/profile': { expect: candidateAny },
  'POST /api/me/phone': { expect: candidateAny },
  'POST /api/me/phone/demo-code': { expect: candidateAny },
  'POST /api/files': { expect: only({ candidate: 'ok', otherCandidate: 'ok', institution: 'ok', otherInstitution: 'ok' }) },
  'GET /api/files/:id': { expect: only({ candidate: 'ok', bodyAdmin: 'ok' }, 404), path: (f) => `/api/files/${f.file}` },
  'GET /api/files/:id/content': { expect: everyone(), path: (f) => f.fileLink },
  'GET /api/sessions': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 404 }), path: () => '/api/sessions?planId=shanghai-2026' },
  'POST /api/sessions': {
    expect: only({ bodyAdmin: 'ok', otherBodyStaff: 404 }),
    body: () => ({ planId: 'shanghai-2026', date: '2026-04-20', site: '天宝路879号', levels: [4], capacity: 5 }),
  },
  // Exam day: a body's proctors and admins, at their own body's sessions only.
  'GET /api/exam-day/sessions': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 'ok' }) },
  'GET /api/exam-day/next': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 'ok' }) },
  'GET /api/exam-day/sessions/:id/attendance': { expect: bodyOwn, path: (f) => `/api/exam-day/sessions/${f.session}/attendance` },
  'GET /api/exam-day/sessions/:id/tickets/:ticketNo': { expect: bodyOwn, path: (f) => `/api/exam-day/sessions/${f.session}/tickets/2604200001` },
  'POST /api/exam-day/sessions/:id/check-ins': {
    expect: bodyOwn,
    path: (f) => `/api/exam-day/sessions/${f.session}/check-ins`,
    body: { ticketNo: '2604200001' },
  },
  // Scores and results: the body's proctors and admins; publishing is an admin's.
  'GET /api/results/sessions/:id': { expect: bodyOwn, path: (f) => `/api/results/sessions/${f.session}` },
  'GET /api/results/sessions/:id/template': { expect: bodyOwn, path: (f) => `/api/results/sessions/${f.session}/template` },
  'POST /api/results/sessions/:id/scores': { expect: bodyOwn, path: (f) => `/api/results/sessions/${f.session}/scores` },
  'PUT /api/results/sessions/:id/candidates/:applicationId': {
    expect: bodyOwn,
    path: (f) => `/api/results/sessions/${f.session}/candidates/${f.application}`,
    body: { scores: { theory: '80', practical: '80' } },
  },
  'POST /api/results/sessions/:id/publish': { expect: bodyOwn, path: (f) => `/api/results/sessions/${f.session}/publish` },
  // Misconduct: proctors and admins of the candidate's own body.
  'POST /api/misconduct': {
    expect: bodyOwn,
    body: (f) => ({ applicationId: f.application, article: 2, act: MISCONDUCT_ACTS[2].acts[1]!, subject: 'theory', note: '访问测试记录' }),
  },
  'GET /api/misconduct': { expect: bodyOwn, path: (f) => `/api/misconduct?applicationId=${f.application}` },
  // Certificates: anyone may verify (an unknown number is unknown to all alike); the holder chooses how it reaches them; the body's admins hand over and revoke.
  'GET /api/public/certificates/verify': {
    expect: Object.fromEntries(ROLES.map((r) => [r, 404])) as Record<Role, Outcome>,
    path: () => '/api/public/certificates/verify?number=SH2026000001&name=某某',
  },
  'PUT /api/applications/:id/certificate/collection': {
    expect: candidateOwn,
    path: (f) => `/api/applications/${f.application}/certificate/collection`,
    body: { method: 'pickup' },
  },
  'GET /api/certificates': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 'ok' }) },
  // No certificate has this id: the admins get past the guard to a 404, everyone else is stopped before it.
  'POST /api/certificates/:id/hand-over': {
    expect: only({ bodyAdmin: 404, otherBodyStaff: 404 }),
    path: () => '/api/certificates/no-such-certificate/hand-over',
  },
  'POST /api/certificates/revoke': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 'ok' }), body: { numbers: ['SH2026000000'], reason: '访问测试撤销' } },
  'GET /api/applications': { expect: candidateAny },
  'GET /api/applications/standing': { expect: candidateAny },
  'POST /api/applications': { expect: candidateAny },
  'POST /api/applications/claim': { expect: candidateAny },
  'GET /api/applications/:id': { expect: candidateOwn, path: (f) => `/api/applications/${f.application}` },
  'PUT /api/applications/:id': { expect: candidateOwn, path: (f) => `/api/applications/${f.application}`, body: { facts: { birthDate: '2008-09-01' } } },
  'GET /api/visit-slots': { expect: candidateAny, path: () => '/api/visit-slots?planId=shanghai-2026' },
  'PUT /api/applications/:id/visit': {
    expect: candidateOwn,
    path: (f) => `/api/applications/${f.application}/visit`,
    body: { startsAt: '2026-03-11T05:30:00.000Z' },
  },
  'GET /api/review/applications': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 'ok' }) },
  'GET /api/review/applications/:id': { expect: bodyOwn, path: (f) => `/api/review/applications/${f.application}` },
  'GET /api/review/visits/:code': { expect: bodyOwn, path: (f) => `/api/review/visits/${f.visitCode}` },
  'GET /api/review/audit': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 'ok' }) },
  'POST /api/review/applications/:id/return': {
    expect: bodyOwn,
    path: (f) => `/api/review/applications/${f.application}/return`,
    body: { note: '请补充材料' },
  },
  'POST /api/review/applications/:id/reject': { expect: bodyOwn, path: (f) => `/api/review/applications/${f.application}/reject`, body: { reason: '不符合' } },
  'POST /api/review/applications/:id/approve': { expect: bodyOwn, path: (f) => `/api/review/applications/${f.application}/approve` },
  'POST /api/review/applications/:id/resident-id': { expect: bodyOwn, path: (f) => `/api/review/applications/${f.application}/resident-id` },
  'POST /api/review/applications/:id/resident-id/correction': {
    expect: bodyOwn,
    path: (f) => `/api/review/applications/${f.application}/resident-id/correction`,
    body: () => ({ residentId: aResidentId(), note: '核对身份证原件' }),
  },
  'POST /api/review/batches/:id/approve': { expect: bodyOwn, path: (f) => `/api/review/batches/${f.batch}/approve` },
  'GET /api/institution/batches/roster-template': { expect: institutionAny },
  'GET /api/institution/batches': { expect: institutionAny },
  'POST /api/institution/batches': { expect: institutionAny, body: { planId: 'shanghai-2026', level: 4, name: '访问测试批次' } },
  'GET /api/institution/batches/:id': { expect: institutionOwn, path: (f) => `/api/institution/batches/${f.batch}` },
  'POST /api/institution/batches/:id/roster': { expect: institutionOwn, path: (f) => `/api/institution/batches/${f.batch}/roster` },
  'PUT /api/institution/batches/:id/members/:applicationId/materials': {
    expect: institutionOwn,
    path: (f) => `/api/institution/batches/${f.batch}/members/${f.member}/materials`,
    body: { materials: [] },
  },
  'POST /api/institution/batches/:id/prereview': {
    expect: institutionOwn,
    path: (f) => `/api/institution/batches/${f.batch}/prereview`,
    body: (f) => ({ applicationIds: [f.member], decision: 'passed' }),
  },
  'POST /api/institution/batches/:id/submit': { expect: institutionOwn, path: (f) => `/api/institution/batches/${f.batch}/submit` },
  // Paying needs an approved application: the owner reaches it (and is told nothing is due), no one else does.
  'POST /api/applications/:id/payments/wechat': { expect: candidateOwn, path: (f) => `/api/applications/${f.application}/payments/wechat` },
  'POST /api/applications/:id/payments/wechat/demo-complete': {
    expect: candidateOwn,
    path: (f) => `/api/applications/${f.application}/payments/wechat/demo-complete`,
  },
  // A ticket exists only for a paid seat: the owner is told there is none yet, no one else learns anything.
  'GET /api/applications/:id/ticket': { expect: candidateOwn, path: (f) => `/api/applications/${f.application}/ticket` },
  'GET /api/applications/:id/ticket.pdf': { expect: candidateOwn, path: (f) => `/api/applications/${f.application}/ticket.pdf` },
  'POST /api/applications/:id/makeup': { expect: candidateOwn, path: (f) => `/api/applications/${f.application}/makeup` },
  'POST /api/applications/:id/payments/wechat/check': {
    expect: candidateOwn,
    path: (f) => `/api/applications/${f.application}/payments/wechat/check`,
  },
  // A school's fee for its class: its own batch only (nothing is due in the fixture's, which still answers).
  'GET /api/institution/batches/:id/payment': { expect: institutionOwn, path: (f) => `/api/institution/batches/${f.batch}/payment` },
  'GET /api/institution/batches/:id/tickets.pdf': { expect: institutionOwn, path: (f) => `/api/institution/batches/${f.batch}/tickets.pdf` },
  'POST /api/institution/batches/:id/payments/wechat': { expect: institutionOwn, path: (f) => `/api/institution/batches/${f.batch}/payments/wechat` },
  'POST /api/institution/batches/:id/payments/wechat/demo-complete': {
    expect: institutionOwn,
    path: (f) => `/api/institution/batches/${f.batch}/payments/wechat/demo-complete`,
  },
  'POST /api/review/applications/:id/cancel': {
    expect: bodyOwn,
    path: (f) => `/api/review/applications/${f.application}/cancel`,
    body: { reason: '访问测试' },
  },
  'POST /api/payments/wechat/refund-notify': { expect: Object.fromEntries(ROLES.map((r) => [r, 401])) as Record<Role, Outcome> },
  // WeChat Pay's door: without its signature everyone, signed in or not, is turned away.
  'POST /api/payments/wechat/notify': { expect: Object.fromEntries(ROLES.map((r) => [r, 401])) as Record<Role, Outcome> },
  // Finance: the body's own staff; other bodies' staff see their own (empty) books, never this body's credits.
  'POST /api/finance/statements': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 'ok' }) },
  'GET /api/finance/credits': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 'ok' }) },
  // Each body maps its own bank's columns: another body's staff reach only their own mapping.
  'GET /api/finance/statement-columns': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 'ok' }) },
  'PUT /api/finance/statement-columns': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 'ok' }) },
  'POST /api/finance/statement-columns/layout': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 'ok' }) },
  'POST /api/finance/credits/:id/confirm': {
    expect: bodyOwn,
    path: (f) => `/api/finance/credits/${f.credit}/confirm`,
    body: (f) => ({ applicationId: f.application }),
  },
  'GET /api/me/subscriptions': { expect: candidateAny },
  'POST /api/me/subscriptions': { expect: candidateAny, body: { choices: [{ templateId: 'dev-template-ticket-available', choice: 'accept' }] } },
  // Last: these end what the rows above use.
  'DELETE /api/applications/:id/visit': { expect: candidateOwn, path: (f) => `/api/applications/${f.application}/visit` },
  'POST /api/applications/:id/transfer-notice': {
    expect: candidateOwn,
    path: (f) => `/api/applications/${f.application}/transfer-notice`,
    body: { payer: '陈建国' },
  },
  'POST /api/applications/:id/withdraw': { expect: candidateOwn, path: (f) => `/api/applications/${f.application}/withdraw` },
  'POST /api/finance/credits/:id/ignore': { expect: bodyOwn, path: (f) => `/api/finance/credits/${f.credit}/ignore` },
  'GET /api/finance/credits/:id/applications': { expect: bodyOwn, path: (f) => `/api/finance/credits/${f.credit}/applications` },
  'GET /api/finance/refunds': { expect: only({ bodyAdmin: 'ok', otherBodyStaff: 'ok' }) },
  // No refund is owed here: finance of either body is told there is none such; nobody else reaches the route.
  'POST /api/finance/refunds/:id/sent': { expect: only({ bodyAdmin: 404, otherBodyStaff: 404 }), path: () => '/api/finance/refunds/no-such-payment/sent' },
};

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe.each(databaseTargets())('who reaches what, route by route, on $name', (target) => {
  let server: TestServer;
  const tokens = {} as Record<Exclude<Role, 'anonymous'>, string>;
  const fixture = {} as Fixture;
  const passwords = { admin: 'access-admin-password', staff: 'access-staff-password' };

  const login = async (username: string, password: string) =>
    (await request(server.url).post('/api/staff/login').send({ username, password }).expect(200)).body.token as string;
  const call = (method: string, path: string, token?: string) => {
    const req = (request(server.url) as unknown as Record<string, (p: string) => request.Test>)[method.toLowerCase()]!(path);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  beforeAll(async () => {
    server = await startServer(target, NOW, { ADMIN_USERNAME: 'access.admin', ADMIN_PASSWORD: passwords.admin, LOGIN_ATTEMPTS_PER_ADDRESS: '10000' });
    tokens.bodyAdmin = await login('access.admin', passwords.admin);
    const admin = (body: object) => request(server.url).post('/api/staff/accounts').set('Authorization', `Bearer ${tokens.bodyAdmin}`).send(body).expect(201);
    await admin({ username: 'school.one', displayName: '王老师', password: passwords.staff, kind: 'institution', institutionName: '第一职业学校' });
    await admin({ username: 'school.two', displayName: '赵老师', password: passwords.staff, kind: 'institution', institutionName: '第二职业学校' });
    fixture.staffAccount = (
      await admin({ username: 'access.spare', displayName: '备用', password: passwords.staff, kind: 'staff', roles: ['reviewer'] })
    ).body.id;
    await server.app
      .get(StaffService)
      .create(
        { kind: 'staff', staffId: 'seed', bodyId: 'bj-aptech', accountKind: 'staff', roles: ['admin'], sessionId: 'seed' },
        { username: 'beijing.admin', displayName: '北京管理员', password: passwords.staff, kind: 'staff', roles: ['admin', 'reviewer'] },
      );
    tokens.institution = await login('school.one', passwords.staff);
    tokens.otherInstitution = await login('school.two', passwords.staff);
    tokens.otherBodyStaff = await login('beijing.admin', passwords.staff);

    fixture.session = (
      await request(server.url)
        .post('/api/sessions')
        .set('Authorization', `Bearer ${tokens.bodyAdmin}`)
        .send({ planId: 'shanghai-2026', date: '2026-04-21', site: '天宝路879号', levels: [3], capacity: 5 })
        .expect(201)
    ).body.id;
    const owner = await aCandidate(server, 'access-owner');
    tokens.candidate = owner.token;
    tokens.otherCandidate = (await aCandidate(server, 'access-other')).token;
    const applied = await request(server.url)
      .post('/api/applications')
      .set('Authorization', `Bearer ${owner.token}`)
      .send({
        planId: 'shanghai-2026',
        level: 4,
        facts: { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] },
        ...owner.proof,
      })
      .expect(201);
    fixture.application = applied.body.id;
    fixture.file = applied.body.materials[0].files[0].id;
    fixture.fileLink = applied.body.materials[0].files[0].url;
    const slots = await request(server.url)
      .get('/api/visit-slots')
      .query({ planId: 'shanghai-2026' })
      .set('Authorization', `Bearer ${owner.token}`)
      .expect(200);
    const booked = await request(server.url)
      .put(`/api/applications/${fixture.application}/visit`)
      .set('Authorization', `Bearer ${owner.token}`)
      .send({ startsAt: slots.body[3].startsAt })
      .expect(200);
    fixture.visitCode = booked.body.visit.code;

    const batch = await request(server.url)
      .post('/api/institution/batches')
      .set('Authorization', `Bearer ${tokens.institution}`)
      .send({ planId: 'shanghai-2026', level: 4, name: '访问测试' })
      .expect(201);
    fixture.batch = batch.body.id;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '身份证号', '手机号', '院校类型', '专业', '在读应届']);
    sheet.addRow(['林同学', aResidentId(), '13912345678', '中等职业学校', '本专业', '是']);
    const imported = await request(server.url)
      .post(`/api/institution/batches/${fixture.batch}/roster`)
      .set('Authorization', `Bearer ${tokens.institution}`)
      .attach('file', Buffer.from(await workbook.xlsx.writeBuffer()), 'r.xlsx')
      .expect(200);
    fixture.member = imported.body.batch.members[0].applicationId;
    await uploadFile(server, tokens.institution);

    const statement = new ExcelJS.Workbook();
    const lines = statement.addWorksheet('明细');
    lines.addRow(['交易时间', '贷方金额', '对方户名', '附言']);
    lines.addRow(['2026-03-10 09:00:00', '88.00', '某公司', '货款']);
    await request(server.url)
      .post('/api/finance/statements')
      .set('Authorization', `Bearer ${tokens.bodyAdmin}`)
      .attach('file', Buffer.from(await statement.xlsx.writeBuffer()), 's.xlsx')
      .expect(200);
    const [credit] = (await request(server.url).get('/api/finance/credits?status=unmatched').set('Authorization', `Bearer ${tokens.bodyAdmin}`).expect(200))
      .body;
    fixture.credit = credit.id;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('the table covers every route the server has', () => {
    const express = server.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
    const routes = express.router.stack.flatMap((layer) =>
      layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`) : [],
    );
    const api = routes.filter((r) => r.includes(' /api/') && !r.startsWith('HEAD') && !r.includes('/api/docs'));
    expect(api.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('the whole ID number: an individual application under review only, never a school’s draft; 20 per ten minutes per reviewer, each one on the record', async () => {
    const reveal = (token: string, id: string) => call('POST', `/api/review/applications/${id}/resident-id`, token).send({});
    // A school's draft (not yet submitted to the body) and another body's application are not the counter's to read.
    expect((await reveal(tokens.bodyAdmin!, fixture.member).expect(409)).body.code).toBe('RESIDENT_ID_NOT_REVEALABLE');
    expect((await reveal(tokens.otherBodyStaff!, fixture.application).expect(404)).body.code).toBe('NOT_FOUND');
    await request(server.url)
      .post('/api/staff/accounts')
      .set('Authorization', `Bearer ${tokens.bodyAdmin}`)
      .send({ username: 'access.counter', displayName: '柜台审核', password: passwords.staff, kind: 'staff', roles: ['reviewer'] })
      .expect(201);
    const counter = await login('access.counter', passwords.staff);
    for (let i = 0; i < 20; i++) expect((await reveal(counter, fixture.application).expect(200)).body.residentId).toMatch(/^\d{17}[\dX]$/);
    expect((await reveal(counter, fixture.application).expect(429)).body).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: '查看完整身份证号码过于频繁，请10分钟后再试',
    });
    // Another reviewer is not slowed by this one.
    await reveal(tokens.bodyAdmin!, fixture.application).expect(200);
    const trail = (await call('GET', `/api/review/audit?applicationId=${fixture.application}`, tokens.bodyAdmin).expect(200)).body as {
      note?: string;
      by: string;
    }[];
    expect(trail.filter((e) => e.note === '现场核验：工作人员查看了完整身份证号码' && e.by.startsWith('柜台审核'))).toHaveLength(20);
  });

  it.each(Object.entries(ROUTES))('%s', async (route, rule) => {
    const [method, template] = route.split(' ') as [string, string];
    const path = rule.path ? rule.path(fixture) : template;
    const refused: string[] = [];
    for (const role of ROLES) {
      let token = role === 'anonymous' ? undefined : tokens[role];
      if (rule.fresh && token) {
        // Refresh and sign-out end the token they are called with: use a spare one.
        const spare = role.includes('andidate') ? (await aCandidate(server, `spare-${role}-${Date.now()}`)).token : undefined;
        if (spare) token = spare;
        else if (role !== 'anonymous')
          token = await login(
            { institution: 'school.one', otherInstitution: 'school.two', otherBodyStaff: 'beijing.admin', bodyAdmin: 'access.admin' }[role as 'institution'] ??
              '',
            role === 'bodyAdmin' ? passwords.admin : passwords.staff,
          );
      }
      const res = await call(method, path, token).send(typeof rule.body === 'function' ? rule.body(fixture) : (rule.body ?? {}));
      const wanted = rule.expect[role];
      const got: Outcome = res.status === 401 || res.status === 403 || res.status === 404 ? (res.status as Outcome) : 'ok';
      if (got !== wanted) refused.push(`${role}: wanted ${wanted}, got ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
      // Outsiders must not find the owners' records in any answer, whatever its status.
      const text = JSON.stringify(res.body ?? '');
      if (OUTSIDERS.includes(role) && [fixture.application, fixture.batch, fixture.file].some((id) => text.includes(id))) {
        refused.push(`${role}: the answer carries another party's record`);
      }
    }
    expect(refused).toEqual([]);
  });
});
