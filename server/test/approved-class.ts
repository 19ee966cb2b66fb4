import request from 'supertest';
import { aResidentId, as, uploadFile, type TestServer } from './harness';
import { roster } from '@skillcert/test-support';

/**
 * A school's class the body has approved, every member with a seat held:
 * the clerk's account made by the admin, the roster imported, proof attached,
 * pre-reviewed, submitted and approved as a whole.
 */
export async function anApprovedClass(
  server: TestServer,
  adminToken: string,
  school: { username: string; institutionName: string; batchName: string; students: { name: string; residentId?: string; phone?: string }[] },
): Promise<{ clerk: string; batchId: string; memberIds: string[]; phones: string[] }> {
  const password = `${school.username}-pass-2026`;
  await as(server, adminToken)
    .post('/api/staff/accounts', { username: school.username, displayName: '王老师', password, kind: 'institution', institutionName: school.institutionName })
    .expect(201);
  const clerk = (await request(server.url).post('/api/staff/login').send({ username: school.username, password }).expect(200)).body.token as string;
  const institution = as(server, clerk);
  const batch = (await institution.post('/api/institution/batches', { planId: 'shanghai-2026', level: 4, name: school.batchName }).expect(201)).body;
  const rows = school.students.map((student, i) => ({
    name: student.name,
    residentId: student.residentId ?? aResidentId(),
    phone: student.phone ?? `139${String(Date.now() + i).slice(-8)}`,
    school: '中等职业学校',
    major: '本专业',
    finalYear: '是',
  }));
  const imported = (await institution.upload(`/api/institution/batches/${batch.id}/roster`, await roster(rows), 'r.xlsx').expect(200)).body;
  const memberIds: string[] = imported.batch.members.map((m: { applicationId: string }) => m.applicationId);
  for (const memberId of memberIds) {
    const materials = [
      { materialId: 'id-card', fileIds: [await uploadFile(server, clerk, 'jpeg')] },
      { materialId: 'eligibility-proof', fileIds: [await uploadFile(server, clerk, 'pdf')] },
    ];
    await institution.put(`/api/institution/batches/${batch.id}/members/${memberId}/materials`, { materials }).expect(200);
  }
  await institution.post(`/api/institution/batches/${batch.id}/prereview`, { applicationIds: memberIds, decision: 'passed' }).expect(200);
  await institution.post(`/api/institution/batches/${batch.id}/submit`).expect(200);
  await as(server, adminToken).post(`/api/review/batches/${batch.id}/approve`, {}).expect(200);
  return { clerk, batchId: batch.id, memberIds, phones: rows.map((r) => r.phone) };
}
