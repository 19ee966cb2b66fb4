import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { aCandidate, aResidentId, as, databaseTargets, startServer, uploadFile, type TestServer } from '../../test/harness';
import { ApplicationEntity } from '../applications/application.entity';
import type { Actor, CandidateActor, StaffActor } from '../access/actor';
import { BatchEntity } from '../batches/batch.entity';
import { UnitOfWork } from '../database/unit-of-work';
import { Access } from './access';

const NOW = new Date('2026-03-10T02:00:00Z');
const PASSWORD = 'access-service-password';

const candidate = (userId: string): CandidateActor => ({ kind: 'candidate', userId, sessionId: 'test', profile: null });
const staff = (bodyId: string, roles: StaffActor['roles']): StaffActor => ({
  kind: 'staff',
  staffId: 'test',
  bodyId,
  accountKind: 'staff',
  roles,
  sessionId: 'test',
});
const clerk = (institutionId: string): StaffActor => ({
  kind: 'staff',
  staffId: 'test',
  bodyId: 'sh-cpna',
  accountKind: 'institution',
  roles: [],
  institutionId,
  sessionId: 'test',
});

describe.each(databaseTargets())('one access service decides who reaches what, on $name', (target) => {
  let server: TestServer;
  let access: Access;
  let db: DataSource;
  const ids = {} as { mine: string; theirs: string; member: string; batch: string; myFile: string; theirFile: string; schoolFile: string };
  const actors = {} as { me: Actor; them: Actor; school: Actor; otherSchool: Actor };

  beforeAll(async () => {
    server = await startServer(target, NOW, { ADMIN_USERNAME: 'access.admin', ADMIN_PASSWORD: PASSWORD });
    access = server.app.get(Access);
    db = server.app.get(DataSource);
    const apply = async (persona: string) => {
      const person = await aCandidate(server, persona);
      const { body } = await as(server, person.token)
        .post('/api/applications', {
          planId: 'shanghai-2026',
          level: 4,
          facts: { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] },
          ...person.proof,
        })
        .expect(201);
      return { userId: person.userId, application: body.id as string, file: body.materials[0].files[0].id as string };
    };
    const [mine, theirs] = [await apply('access-me'), await apply('access-them')];
    Object.assign(ids, { mine: mine.application, theirs: theirs.application, myFile: mine.file, theirFile: theirs.file });
    actors.me = candidate(mine.userId);
    actors.them = candidate(theirs.userId);

    const admin = (await request(server.url).post('/api/staff/login').send({ username: 'access.admin', password: PASSWORD }).expect(200)).body.token as string;
    for (const [username, institutionName] of [
      ['access.school', '第一职业学校'],
      ['access.other', '第二职业学校'],
    ]) {
      await as(server, admin)
        .post('/api/staff/accounts', { username, displayName: '老师', password: PASSWORD, kind: 'institution', institutionName })
        .expect(201);
    }
    const school = (await request(server.url).post('/api/staff/login').send({ username: 'access.school', password: PASSWORD }).expect(200)).body
      .token as string;
    ids.batch = (await as(server, school).post('/api/institution/batches', { planId: 'shanghai-2026', level: 4, name: '访问服务' }).expect(201)).body.id;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '身份证号', '手机号', '院校类型', '专业', '在读应届']);
    sheet.addRow(['林同学', aResidentId(), '13912345678', '中等职业学校', '本专业', '是']);
    const imported = await as(server, school)
      .upload(`/api/institution/batches/${ids.batch}/roster`, Buffer.from(await workbook.xlsx.writeBuffer()), 'r.xlsx')
      .expect(200);
    ids.member = imported.body.batch.members[0].applicationId;
    ids.schoolFile = await uploadFile(server, school);
    const institutionId = (await db.getRepository(BatchEntity).findOneByOrFail({ id: ids.batch })).institutionId;
    actors.school = clerk(institutionId);
    actors.otherSchool = clerk(`${institutionId}-other`);
  });

  afterAll(() => server.close());

  it('gives a candidate their own applications and nothing of anyone else', async () => {
    expect(await access.allowed(actors.me, 'application', [ids.mine, ids.theirs, ids.member, 'no-such-id'])).toEqual(new Set([ids.mine]));
    expect(await access.allowed(actors.me, 'batch', [ids.batch])).toEqual(new Set());
    await expect(access.get(actors.me, 'application', ids.theirs)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await access.get(actors.me, 'application', ids.mine)).id).toBe(ids.mine);
  });

  it("gives a school its batches and the applications in them, never another school's", async () => {
    expect(await access.allowed(actors.school, 'application', [ids.mine, ids.member])).toEqual(new Set([ids.member]));
    expect(await access.allowed(actors.school, 'batch', [ids.batch])).toEqual(new Set([ids.batch]));
    expect(await access.allowed(actors.otherSchool, 'application', [ids.member])).toEqual(new Set());
    expect(await access.find(actors.otherSchool, 'batch', ids.batch)).toBeNull();
  });

  it("gives a body's staff everything made to its plans, and another body's staff nothing", async () => {
    const everything = [ids.mine, ids.theirs, ids.member];
    expect(await access.allowed(staff('sh-cpna', ['reviewer']), 'application', everything)).toEqual(new Set(everything));
    expect(await access.allowed(staff('sh-cpna', ['reviewer']), 'batch', [ids.batch])).toEqual(new Set([ids.batch]));
    expect(await access.allowed(staff('bj-aptech', ['admin', 'reviewer']), 'application', everything)).toEqual(new Set());
    expect(() => access.requirePlan(staff('bj-aptech', ['admin']), 'shanghai-2026')).toThrow(expect.objectContaining({ code: 'PLAN_NOT_FOUND' }));
    expect(() => access.requirePlan(staff('sh-cpna', ['admin']), 'shanghai-2026')).not.toThrow();
  });

  it('opens a file to its uploader and to whoever reviews an application carrying it', async () => {
    const files = [ids.myFile, ids.theirFile, ids.schoolFile];
    expect(await access.allowed(actors.me, 'file', files)).toEqual(new Set([ids.myFile]));
    expect(await access.allowed(actors.school, 'file', files)).toEqual(new Set([ids.schoolFile]));
    expect(await access.allowed(staff('sh-cpna', ['reviewer']), 'file', files)).toEqual(new Set([ids.myFile, ids.theirFile]));
    // A proctor meets the ID photo through the door screen's signed link, not by reading files.
    expect(await access.allowed(staff('sh-cpna', ['proctor']), 'file', files)).toEqual(new Set());
    await expect(access.require(actors.me, 'file', [ids.myFile, ids.theirFile])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  if (target.name === 'mariadb') {
    it('checks any number of ids in one statement', async () => {
      const runner = db.createQueryRunner();
      try {
        const questions = async () => Number((await runner.query("SHOW SESSION STATUS LIKE 'Questions'"))[0].Value);
        const asked = async (work: () => Promise<unknown>) => {
          const before = await questions();
          await work();
          return (await questions()) - before - 1;
        };
        const many = [ids.mine, ids.theirs, ids.member, ...Array.from({ length: 197 }, (_, i) => `missing-${i}`)];
        const reviewer = staff('sh-cpna', ['reviewer']);
        expect(await asked(() => access.allowed(reviewer, 'application', many, runner.manager))).toBe(1);
        expect(await asked(() => access.allowed(actors.school, 'application', many, runner.manager))).toBe(1);
        expect(await asked(() => access.allowed(reviewer, 'file', [ids.myFile, ids.theirFile, ...many], runner.manager))).toBe(1);
        expect(await asked(() => access.require(actors.me, 'application', [ids.mine], runner.manager))).toBe(1);
      } finally {
        await runner.release();
      }
    });
  }

  it('reads an application under its row lock in the same statement as the check', async () => {
    const uow = server.app.get(UnitOfWork);
    const found = await uow.run((manager) => access.find(actors.me, 'application', ids.mine, { manager, lock: uow.rowLock }));
    expect(found).toBeInstanceOf(ApplicationEntity);
  });
});
