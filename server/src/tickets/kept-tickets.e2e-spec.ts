import request from 'supertest';
import { DataSource } from 'typeorm';
import { as, databaseTargets, startServer, type TestServer } from '../../test/harness';
import { aPaidCandidate } from '../../test/paid-candidate';
import { TicketDocuments } from './ticket-documents';
import { TicketPdfRenderer } from './ticket-pdf-renderer';

const NOW = new Date('2026-03-10T02:00:00Z');
const SESSION_DATE = '2026-03-27';
/** Thursday 19 March, noon in Shanghai: the day before the tickets open at 00:00 on Friday 20 March. */
const EVE = new Date('2026-03-19T04:00:00Z');
const OPENING = new Date('2026-03-19T16:00:00Z');

/**
 * Tickets drawn before they open, kept, and served as kept bytes by any instance (issue 32): drawn
 * again only when something they show changes; a seat not drawn yet is drawn when asked for.
 */
describe.each(databaseTargets())('tickets drawn ahead and kept, on $name', (target) => {
  const servers: TestServer[] = [];
  let admin: string;
  let sessionId: string;

  beforeAll(async () => {
    const server = await startServer(target, NOW, { ADMIN_USERNAME: 'kept.admin', ADMIN_PASSWORD: 'kept-admin-password', SESSION_TTL_HOURS: '720' });
    servers.push(server);
    admin = (await request(server.url).post('/api/staff/login').send({ username: 'kept.admin', password: 'kept-admin-password' }).expect(200)).body.token;
    sessionId = (
      await as(server, admin)
        .post('/api/sessions', { planId: 'shanghai-2026', date: SESSION_DATE, site: '天宝路879号B楼', levels: [4], capacity: 50 })
        .expect(201)
    ).body.id;
  });

  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  const pdfOf = async (server: TestServer, candidate: { token: string; id: string }) =>
    (
      await as(server, candidate.token)
        .get(`/api/applications/${candidate.id}/ticket.pdf`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;

  it('the day before release every seat is drawn and kept; at release the kept bytes are served, none drawn again', async () => {
    const [server] = servers as [TestServer];
    const seated = [];
    for (let i = 0; i < 3; i++) seated.push(await aPaidCandidate(server, admin, `kept-${i}`, `预印${'一二三'[i]}`));
    server.clock.set(EVE);
    try {
      const documents = server.app.get(TicketDocuments);
      expect(await documents.printAhead()).toBe(3);
      // A second round finds nothing to do.
      expect(await documents.printAhead()).toBe(0);
      server.clock.set(OPENING);
      const renderer = server.app.get(TicketPdfRenderer);
      const before = renderer.drawn;
      const pdfs = await Promise.all(seated.map((c) => pdfOf(server, c)));
      expect(renderer.drawn).toBe(before);
      for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const rows = (await server.app.get(DataSource).query('SELECT document_key AS k FROM ticket_documents')) as { k: string }[];
      expect(rows.length).toBeGreaterThanOrEqual(3);
    } finally {
      server.clock.set(NOW);
    }
  });

  it('a seat paid after the drawing is drawn when asked for; a changed site draws it again; the same bytes otherwise', async () => {
    const [server] = servers as [TestServer];
    const late = await aPaidCandidate(server, admin, 'kept-late', '晚到同学');
    server.clock.set(OPENING);
    try {
      const renderer = server.app.get(TicketPdfRenderer);
      const before = renderer.drawn;
      const first = await pdfOf(server, late);
      expect(renderer.drawn).toBe(before + 1);
      expect((await pdfOf(server, late)).equals(first)).toBe(true);
      expect(renderer.drawn).toBe(before + 1);
      // The body moves the session to another room: what the ticket shows has changed, so it is drawn again.
      await server.app.get(DataSource).query('UPDATE exam_sessions SET site = ? WHERE id = ?', ['天宝路879号C楼', sessionId]);
      const moved = await pdfOf(server, late);
      expect(renderer.drawn).toBe(before + 2);
      expect(moved.equals(first)).toBe(false);
      expect((await as(server, late.token).get(`/api/applications/${late.id}/ticket`).expect(200)).body.session.site).toBe('天宝路879号C楼');
    } finally {
      server.clock.set(NOW);
    }
  });

  if (target.name === 'mariadb') {
    it('another instance serves the same kept bytes without drawing them', async () => {
      const [first] = servers as [TestServer];
      const candidate = await aPaidCandidate(first, admin, 'kept-shared', '共享同学');
      first.clock.set(OPENING);
      const second = await startServer(target, OPENING, { SESSION_TTL_HOURS: '720' });
      servers.push(second);
      try {
        const drawnHere = await pdfOf(first, candidate);
        const renderer = second.app.get(TicketPdfRenderer);
        const servedThere = await pdfOf(second, candidate);
        expect(servedThere.equals(drawnHere)).toBe(true);
        expect(renderer.drawn).toBe(0);
      } finally {
        first.clock.set(NOW);
      }
    });
  }
});
