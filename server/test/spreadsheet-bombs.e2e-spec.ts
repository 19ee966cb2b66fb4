import { crc32, createDeflateRaw } from 'node:zlib';
import request from 'supertest';
import { anExamBody } from './exam-body';
import { as, aStaffMember, databaseTargets, type TestServer } from './harness';

const NOW = new Date('2026-03-10T02:00:00Z');
const MB = 1024 * 1024;

interface ZipEntry {
  name: string;
  /** Deflated bytes, their CRC and inflated size. */
  data: Buffer;
  crc: number;
  size: number;
}

/** Deflates `size` bytes made by repeating `unit` (after `head`, before `tail`) as a stream: the bomb is never whole in memory. */
async function deflated(name: string, head: string, unit: string, tail: string, size: number): Promise<ZipEntry> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.from(unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB));
  let crc = 0;
  let written = 0;
  const write = async (bytes: Buffer) => {
    crc = crc32(bytes, crc);
    written += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(head));
  while (written + block.length < size) await write(block);
  await write(Buffer.from(tail));
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), crc: crc >>> 0, size: written };
}

async function small(name: string, text: string): Promise<ZipEntry> {
  return deflated(name, text, ' ', '', 0);
}

/** A zip as Excel writes one: local headers, the deflated parts, the central directory. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An .xlsx of a few hundred KB whose one sheet inflates to `size` bytes: rows of one long text cell each. */
async function xlsxBomb(size: number): Promise<Buffer> {
  const cell = 'A'.repeat(8000);
  return zip([
    await small(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    await small(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    await deflated(
      'xl/worksheets/sheet1.xml',
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      `<row><c t="inlineStr"><is><t>${cell}</t></is></c></row>`,
      '</sheetData></worksheet>',
      size,
    ),
  ]);
}

describe.each(databaseTargets())('spreadsheet bombs on $name', (target) => {
  let server: TestServer;
  let clerk: string;
  let finance: string;
  let publisher: string;
  let batchId: string;
  let sessionId: string;
  const bombs = new Map<number, Buffer>();

  beforeAll(async () => {
    let admin: string;
    ({ server, admin, publisher, sessionId } = await anExamBody(target, NOW, { prefix: 'bombs' }));
    await as(server, admin)
      .post('/api/staff/accounts', {
        username: 'bombs.school',
        displayName: '王老师',
        password: 'bombs-school-2026',
        kind: 'institution',
        institutionName: '某职业学校',
      })
      .expect(201);
    clerk = (await request(server.url).post('/api/staff/login').send({ username: 'bombs.school', password: 'bombs-school-2026' }).expect(200)).body.token;
    batchId = (await as(server, clerk).post('/api/institution/batches', { planId: 'shanghai-2026', level: 4, name: '2026级1班' }).expect(201)).body.id;
    finance = await aStaffMember(server, admin, 'bombs.finance', '赵财务', ['finance']);
    for (const size of [50 * MB, 500 * MB]) bombs.set(size, await xlsxBomb(size));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const targets: [string, (bytes: Buffer) => request.Test][] = [
    [
      'roster',
      (bytes) =>
        request(server.url).post(`/api/institution/batches/${batchId}/roster`).set('Authorization', `Bearer ${clerk}`).attach('file', bytes, 'roster.xlsx'),
    ],
    [
      'statement',
      (bytes) => request(server.url).post('/api/finance/statements').set('Authorization', `Bearer ${finance}`).attach('file', bytes, 'statement.xlsx'),
    ],
    [
      'column layout',
      (bytes) =>
        request(server.url).post('/api/finance/statement-columns/layout').set('Authorization', `Bearer ${finance}`).attach('file', bytes, 'statement.xlsx'),
    ],
    [
      'score sheet',
      (bytes) =>
        request(server.url).post(`/api/results/sessions/${sessionId}/scores`).set('Authorization', `Bearer ${publisher}`).attach('file', bytes, 'scores.xlsx'),
    ],
  ];

  it.each([50, 500])('a sheet of %i MB inflated is refused with the limit named, quickly, without the memory, while health answers', async (mb) => {
    const bomb = bombs.get(mb * MB)!;
    expect(bomb.length).toBeLessThan(2 * MB);
    for (const [what, send] of targets) {
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      let slowestHealth = 0;
      let polling = true;
      const health = (async () => {
        while (polling) {
          const started = Date.now();
          await request(server.url).get('/api/health').expect(200);
          slowestHealth = Math.max(slowestHealth, Date.now() - started);
          rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const started = Date.now();
      const answer = await send(bomb);
      const seconds = (Date.now() - started) / 1000;
      polling = false;
      await health;
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      expect({ what, status: answer.status, message: answer.body.message }).toEqual({ what, status: 422, message: expect.stringMatching(/解压后超过24 MB/) });
      expect({ what, fast: seconds < 15, lean: rssPeak - rssBefore < 300 * MB, healthy: slowestHealth < 1000 }).toEqual({
        what,
        fast: true,
        lean: true,
        healthy: true,
      });
      process.stdout.write(
        `${target.name} ${mb} MB ${what}: ${answer.status} in ${seconds.toFixed(2)} s, RSS +${Math.round((rssPeak - rssBefore) / MB)} MB, slowest health ${slowestHealth} ms\n`,
      );
    }
  });
});
