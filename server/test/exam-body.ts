import request from 'supertest';
import { aStaffMember, as, startServer, type DatabaseTarget, type TestServer } from './harness';

/**
 * An evaluation body ready for an exam: the server, its first admin, a proctor,
 * a second admin who publishes, and (unless told otherwise) one Shanghai level-4
 * session on Friday 27 March 2026.
 */
export async function anExamBody(
  target: DatabaseTarget,
  now: Date,
  options: {
    prefix: string;
    env?: Record<string, string>;
    proctor?: string;
    publisher?: string;
    session?: { date: string; site: string; levels: number[]; capacity: number } | false;
    captureLogs?: (line: string) => void;
  },
): Promise<{ server: TestServer; admin: string; proctor: string; publisher: string; sessionId: string }> {
  const username = `${options.prefix}.admin`;
  const password = `${options.prefix}-admin-password`;
  const server = await startServer(
    target,
    now,
    { ADMIN_USERNAME: username, ADMIN_PASSWORD: password, SESSION_TTL_HOURS: '1440', SESSION_MAX_DAYS: '90', ...options.env },
    {
      ...(options.captureLogs ? { captureLogs: options.captureLogs } : {}),
    },
  );
  const admin = (await request(server.url).post('/api/staff/login').send({ username, password }).expect(200)).body.token as string;
  const proctor = await aStaffMember(server, admin, `${options.prefix}.proctor`, options.proctor ?? '吴监考', ['proctor']);
  const publisher = await aStaffMember(server, admin, `${options.prefix}.publisher`, options.publisher ?? '郑主任', ['admin']);
  const session = options.session === false ? undefined : (options.session ?? { date: '2026-03-27', site: '天宝路879号B楼', levels: [4], capacity: 10 });
  const sessionId = session
    ? ((
        await as(server, admin)
          .post('/api/sessions', { planId: 'shanghai-2026', ...session })
          .expect(201)
      ).body.id as string)
    : '';
  return { server, admin, proctor, publisher, sessionId };
}
