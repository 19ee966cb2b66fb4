import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { FilesService } from '../src/files/files.service';
import { aCandidate, as, databaseTargets, SAMPLE_FILES, startServer, type TestServer } from './harness';

const NOW = new Date('2026-03-10T02:00:00Z');
const MB = 1024 * 1024;

describe.each(databaseTargets())('what one person may upload, and what is kept of it, on $name', (target) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(target, NOW);
  });

  afterAll(async () => {
    await server?.close();
  });

  const upload = (token: string, bytes: Buffer) =>
    request(server.url)
      .post('/api/files')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', bytes, { filename: 'f.bin', contentType: 'application/octet-stream' });
  /** The bytes as the store keeps them: on disk (SQLite) or in the database (MariaDB, shared by every instance). */
  const stored = async (id: string): Promise<Buffer | undefined> => {
    if (server.config.fileStore === 'disk') {
      const path = join(server.config.filesDir, id.slice(0, 2), id.slice(2, 4), id);
      return existsSync(path) ? readFileSync(path) : undefined;
    }
    const parts: { bytes: Buffer }[] = await server.app.get(DataSource).query('SELECT bytes FROM file_blobs WHERE id = ? ORDER BY part', [id]);
    return parts.length ? Buffer.concat(parts.map((p) => p.bytes)) : undefined;
  };

  it('60 files each, however fast they come: 70 at once, exactly 60 kept (the two of the profile among them)', async () => {
    const { token } = await aCandidate(server, 'many-files');
    const answers: number[] = [];
    for (let round = 0; round < 7; round++)
      answers.push(...(await Promise.all(Array.from({ length: 10 }, () => upload(token, SAMPLE_FILES.jpeg)))).map((r) => r.status));
    // aCandidate uploaded its two proofs already.
    expect(answers.filter((s) => s === 201)).toHaveLength(58);
    expect(answers.filter((s) => s === 409)).toHaveLength(12);
    const refused = await upload(token, SAMPLE_FILES.png).expect(409);
    expect(refused.body).toEqual({
      code: 'UPLOAD_QUOTA_EXCEEDED',
      message: '上传的文件已达上限（60个、共300 MB）。未用于报名的文件会在一天后自动清除，请稍后再试',
    });
  });

  it('300 MB each: the 301st MB is refused', async () => {
    const { token } = await aCandidate(server, 'big-files');
    const tenMb = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * MB - 9, 32)]);
    // Its two proofs (a few KB) and 29 PDFs of 10 MB: under 300 MB.
    for (let i = 0; i < 29; i++) await upload(token, tenMb).expect(201);
    expect((await upload(token, tenMb).expect(409)).body.code).toBe('UPLOAD_QUOTA_EXCEEDED');
    await upload(token, SAMPLE_FILES.jpeg).expect(201);
  });

  it('a PDF carrying a script, a launch action or an attached file is refused, however it hides the name', async () => {
    const { token } = await aCandidate(server, 'pdf-scripts');
    const pdf = (body: string | Buffer) =>
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from('\n%%EOF\n')]);
    const plain = pdf('1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj');
    await upload(token, plain).expect(201);
    for (const active of [
      '1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj',
      '1 0 obj << /Type /Catalog /OpenAction << /S /J#61vaScript /JS (app.alert(1)) >> >> endobj',
      '1 0 obj << /Type /Action /S /Launch /F (cmd.exe) >> endobj',
      Buffer.concat([
        Buffer.from('2 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\n'),
        deflateSync(Buffer.from('<< /Names << /EmbeddedFiles 3 0 R >> >>')),
        Buffer.from('\nendstream\nendobj'),
      ]),
    ]) {
      const refused = await upload(token, pdf(active)).expect(415);
      expect(refused.body).toEqual({ code: 'PDF_ACTIVE_CONTENT', message: 'PDF 中含有脚本、附件或表单动作，不能上传。请另存为普通 PDF 或拍照上传' });
    }
  });

  it('a photo is kept as its picture alone: a page hidden after it, and the place it was taken, are gone', async () => {
    const { token } = await aCandidate(server, 'polyglot');
    const page = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
    const gps = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, 0x12]), Buffer.from('Exif\0\0GPS 31.26N')]);
    const jpeg = SAMPLE_FILES.jpeg;
    const polyglot = Buffer.concat([jpeg.subarray(0, 2), gps, jpeg.subarray(2), page]);
    const kept = (await upload(token, polyglot).expect(201)).body as { id: string; bytes: number };
    expect(kept.bytes).toBe(jpeg.length);
    const served = await request(server.url).get(`/api/files/${kept.id}`).set('Authorization', `Bearer ${token}`).buffer(true).expect(200);
    expect(Buffer.compare(served.body as Buffer, jpeg)).toBe(0);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    const png = Buffer.concat([SAMPLE_FILES.png, page]);
    const keptPng = (await upload(token, png).expect(201)).body as { bytes: number };
    expect(keptPng.bytes).toBe(SAMPLE_FILES.png.length);
    // Not an image at all past its first bytes: refused.
    const broken = await upload(token, Buffer.concat([jpeg.subarray(0, 4), Buffer.from('<html>')])).expect(415);
    expect(broken.body).toEqual({ code: 'IMAGE_DAMAGED', message: '图片文件已损坏或不完整，请重新拍照上传' });
  });

  it('kept sealed in the store, served whole to whoever may read it; an upload no application took is gone after its day', async () => {
    const { token, proof } = await aCandidate(server, 'sealed-files');
    const attached = proof.materials[0]!.fileIds[0]!;
    await as(server, token)
      .post('/api/applications', {
        planId: 'shanghai-2026',
        level: 4,
        facts: { birthDate: '2008-09-01', diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }] },
        ...proof,
      })
      .expect(201);
    const loose = (await upload(token, SAMPLE_FILES.png).expect(201)).body.id as string;
    const sealed = await stored(loose);
    expect(sealed?.subarray(0, 8).toString()).toBe('SCSEAL1\n');
    expect(sealed?.includes(SAMPLE_FILES.png.subarray(0, 8))).toBe(false);
    expect(sealed?.includes(Buffer.alloc(64, 7))).toBe(false);
    const served = await request(server.url).get(`/api/files/${loose}`).set('Authorization', `Bearer ${token}`).buffer(true).expect(200);
    expect(Buffer.compare(served.body as Buffer, SAMPLE_FILES.png)).toBe(0);

    server.clock.set(new Date(NOW.getTime() + 25 * 3600_000));
    try {
      expect(await server.app.get(FilesService).removeUnattached()).toBeGreaterThanOrEqual(1);
    } finally {
      server.clock.set(NOW);
    }
    await request(server.url).get(`/api/files/${loose}`).set('Authorization', `Bearer ${token}`).expect(404);
    expect(await stored(loose)).toBeUndefined();
    // What an application carries stays.
    await request(server.url).get(`/api/files/${attached}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(await stored(attached)).toBeDefined();
  });
});
