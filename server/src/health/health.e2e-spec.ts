import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { databaseTargets, startServer } from '../../test/harness';

const NOW = new Date('2026-03-27T02:00:00Z');
const sqlite = databaseTargets()[0]!;

describe('serving the app and reporting health', () => {
  it('serves the H5 build at / and its routes, while /api stays JSON', async () => {
    const h5 = mkdtempSync(join(tmpdir(), 'skillcert-h5-'));
    writeFileSync(join(h5, 'index.html'), '<!doctype html><title>技能等级认定</title>');
    const server = await startServer(sqlite, NOW, { H5_DIR: h5 });
    try {
      const home = await request(server.url).get('/').set('Accept', 'text/html').expect(200);
      expect(home.text).toContain('技能等级认定');
      const deepLink = await request(server.url).get('/pages/plan/index').set('Accept', 'text/html').expect(200);
      expect(deepLink.text).toContain('技能等级认定');
      const api = await request(server.url).get('/api/unknown').set('Accept', 'text/html').expect(404);
      expect(api.body.code).toBe('NOT_FOUND');
    } finally {
      await server.close();
    }
  });

  it('answers 503 and says so when the database stops answering', async () => {
    const server = await startServer(sqlite, NOW);
    try {
      await server.app.get(DataSource).destroy();
      const res = await request(server.url).get('/api/health').expect(503);
      expect(res.body).toEqual({ status: 'degraded', database: { kind: 'sqlite', ok: false } });
    } finally {
      await server.close();
    }
  });
});
