import request from 'supertest';
import { as as client, aCandidate, databaseTargets, SAMPLE_FILES, startServer, uploadFile, type TestServer } from '../../test/harness';

// Tuesday 2026-03-10, 10:00 in Shanghai.
const NOW = new Date('2026-03-10T02:00:00Z');
const FACTS = { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] };

describe.each(databaseTargets())('materials, commitments, corrections and visits on $name', (target) => {
  let server: TestServer;
  let reviewer: string;

  beforeAll(async () => {
    server = await startServer(target, NOW, { ADMIN_USERNAME: 'mat.admin', ADMIN_PASSWORD: 'mat-admin-password' });
    reviewer = (await request(server.url).post('/api/staff/login').send({ username: 'mat.admin', password: 'mat-admin-password' }).expect(200)).body.token;
  });

  afterAll(async () => {
    await server?.close();
  });

  const as = (token: string) => client(server, token);

  it('uploads are judged by their bytes: a photo or a PDF within the limits, nothing else', async () => {
    const { token } = await aCandidate(server, 'uploader');
    const upload = (bytes: Buffer, filename: string) =>
      request(server.url).post('/api/files').set('Authorization', `Bearer ${token}`).attach('file', bytes, filename);
    const ok = await upload(SAMPLE_FILES.png, 'id.png').expect(201);
    expect(ok.body).toMatchObject({ type: 'image/png', bytes: SAMPLE_FILES.png.length });
    const disguised = await upload(Buffer.from('MZ this is an exe'), 'photo.jpg').expect(415);
    expect(disguised.body).toEqual({ code: 'FILE_TYPE_NOT_ALLOWED', message: '只能上传 JPG、PNG 图片或 PDF 文件' });
    const bigPhoto = Buffer.concat([SAMPLE_FILES.jpeg, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await upload(bigPhoto, 'big.jpg').expect(413);
    expect(tooBig.body).toEqual({ code: 'FILE_TOO_LARGE', message: '文件过大：JPG 图片不能超过5 MB' });
    const hugePdf = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(11 * 1024 * 1024)]);
    expect((await upload(hugePdf, 'huge.pdf').expect(413)).body.code).toBe('FILE_TOO_LARGE');
    await request(server.url).post('/api/files').set('Authorization', `Bearer ${token}`).expect(400);

    // The uploader reads it back through the signed link; a stranger gets nothing.
    const link = await request(server.url).get(ok.body.url).expect(200);
    expect(link.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(link.body as Buffer, SAMPLE_FILES.png)).toBe(0);
    await request(server.url)
      .get(ok.body.url.replace(/sig=[^&]+/, 'sig=forgedforgedforged'))
      .expect(404);
    const stranger = await aCandidate(server, 'stranger');
    await as(stranger.token).get(`/api/files/${ok.body.id}`).expect(404);
    await as(token).get(`/api/files/${ok.body.id}`).expect(200);
  });

  it('an application needs every required material and the commitment signed with the real name; nothing is kept otherwise', async () => {
    const { token, proof } = await aCandidate(server, 'incomplete');
    const apply = (body: object) => as(token).post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FACTS, ...body });
    const none = await apply({}).expect(422);
    expect(none.body.code).toBe('MATERIALS_INCOMPLETE');
    expect(none.body.issues).toEqual([
      { path: 'materials.id-card', message: '请上传“有效身份证原件”' },
      { path: 'materials.eligibility-proof', message: '请上传“符合申报条件要求的证明材料”' },
      { path: 'commitments.signed-form', message: '请阅读并签署“经本人确认签字的报名表”' },
    ]);
    const wrongName = await apply({ ...proof, commitments: [{ materialId: 'signed-form', signedName: '陈同' }] }).expect(422);
    expect(wrongName.body.issues).toEqual([{ path: 'commitments.signed-form', message: '签名须与身份证上的姓名完全一致' }]);
    const someoneElses = await uploadFile(server, (await aCandidate(server, 'other-owner')).token);
    const borrowed = await apply({ ...proof, materials: [proof.materials[0], { materialId: 'eligibility-proof', fileIds: [someoneElses] }] }).expect(422);
    expect(borrowed.body.issues[0]).toEqual({ path: 'materials.eligibility-proof', message: '文件不存在或已失效，请重新上传' });
    expect((await as(token).get('/api/applications').expect(200)).body).toEqual([]);

    const done = await apply(proof).expect(201);
    expect(done.body.materials.map((m: { materialId: string; files: unknown[] }) => [m.materialId, m.files.length])).toEqual([
      ['id-card', 1],
      ['eligibility-proof', 1],
    ]);
    expect(done.body.commitments).toEqual([{ materialId: 'signed-form', name: '经本人确认签字的报名表', signedName: '陈同学', signedAt: NOW.toISOString() }]);
    expect(done.body.feeFen).toBe(40000);
  });

  it('returned with a note per item, the candidate replaces just that material and resubmits; the reviewer sees the proof', async () => {
    const { token, proof } = await aCandidate(server, 'per-item');
    const id = (
      await as(token)
        .post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FACTS, ...proof })
        .expect(201)
    ).body.id;
    const detail = await as(reviewer).get(`/api/review/applications/${id}`).expect(200);
    const proofUrl = detail.body.materials[1].files[0].url;
    await request(server.url).get(proofUrl).expect(200);

    await as(reviewer)
      .post(`/api/review/applications/${id}/return`, { items: [{ item: 'unknown', note: '不存在的项目' }] })
      .expect(400);
    await as(reviewer)
      .post(`/api/review/applications/${id}/return`, { note: '请补正后重新提交', items: [{ item: 'eligibility-proof', note: '在读证明须加盖学校公章' }] })
      .expect(200);
    const seen = (await as(token).get(`/api/applications/${id}`).expect(200)).body;
    expect(seen.corrections).toEqual([
      { item: 'general', label: '审核意见', note: '请补正后重新提交' },
      { item: 'eligibility-proof', label: '符合申报条件要求的证明材料', note: '在读证明须加盖学校公章' },
    ]);

    const stamped = await uploadFile(server, token, 'jpeg');
    const materials = [proof.materials[0], { materialId: 'eligibility-proof', fileIds: [stamped] }];
    const resubmitted = await as(token).put(`/api/applications/${id}`, { facts: FACTS, materials }).expect(200);
    expect(resubmitted.body.state).toBe('submitted');
    expect(resubmitted.body.corrections).toEqual([]);
    expect(resubmitted.body.materials[1].files.map((f: { id: string }) => f.id)).toEqual([stamped]);
    expect(resubmitted.body.commitments).toHaveLength(1);

    const trail = await as(reviewer).get('/api/review/audit').query({ applicationId: id }).expect(200);
    expect(trail.body.map((e: { to: string }) => e.to)).toEqual(['submitted', 'returned', 'submitted']);
    expect(trail.body[1]).toMatchObject({ from: 'submitted', to: 'returned', by: '管理员（mat.admin）', corrections: [{ item: 'eligibility-proof' }] });
  });

  it('Shanghai individuals book a visit slot on a working day; a full slot says so; the counter finds the application by its code', async () => {
    const slots = async (token: string) => (await as(token).get('/api/visit-slots').query({ planId: 'shanghai-2026' }).expect(200)).body;
    const first = await aCandidate(server, 'visitor-0');
    const offered = await slots(first.token);
    // Tuesday 10:00: today's 10:00 slot has not begun... but 09:00-10:00 have. Saturdays never appear.
    expect(offered[0]).toMatchObject({ date: '2026-03-10', label: '10:30-11:00', left: 6 });
    expect(offered.some((s: { date: string }) => s.date === '2026-03-14')).toBe(false);
    const slot = offered.find((s: { date: string; label: string }) => s.date === '2026-03-11' && s.label === '13:30-14:00');

    const visitors = [first, ...(await Promise.all([1, 2, 3, 4, 5, 6].map((i) => aCandidate(server, `visitor-${i}`))))];
    const ids: string[] = [];
    for (const v of visitors)
      ids.push(
        (
          await as(v.token)
            .post('/api/applications', { planId: 'shanghai-2026', level: 4, facts: FACTS, ...v.proof })
            .expect(201)
        ).body.id,
      );
    const results = await Promise.all(visitors.map((v, i) => as(v.token).put(`/api/applications/${ids[i]}/visit`, { startsAt: slot.startsAt })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(6);
    const refused = results.find((r) => r.status !== 200);
    expect(refused?.body).toEqual({ code: 'VISIT_SLOT_FULL', message: '该时段已约满，请选择其他时段' });
    expect((await slots(first.token)).find((s: { startsAt: string }) => s.startsAt === slot.startsAt).left).toBe(0);

    const saturday = new Date('2026-03-14T01:00:00Z').toISOString();
    const closed = await as(first.token).put(`/api/applications/${ids[0]}/visit`, { startsAt: saturday });
    expect(closed.status === 422 ? closed.body.code : closed.status).toBe('VISIT_SLOT_UNAVAILABLE');

    const booked = (await as(first.token).get(`/api/applications/${ids[0]}`).expect(200)).body.visit;
    expect(booked).toMatchObject({ date: '2026-03-11', label: '3月11日 13:30-14:00' });
    expect(booked.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    const atCounter = await as(reviewer).get(`/api/review/visits/${booked.code.toLowerCase()}`).expect(200);
    expect(atCounter.body).toMatchObject({ id: ids[0], candidate: { name: '陈同学' } });
    expect((await as(reviewer).get('/api/review/visits/ABCDEFGH').expect(404)).body.code).toBe('VISIT_CODE_UNKNOWN');
  });
});
