import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { databaseTargets, startServer } from '../../test/harness';
import { routesOf } from '../../test/fuzz';
import { createApp } from '../app';
import { loadConfig } from '../config/config';

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

  it('the app under a Content-Security-Policy, no framing, HSTS; personal answers kept by nobody; health without versions', async () => {
    const h5 = mkdtempSync(join(tmpdir(), 'skillcert-h5-'));
    writeFileSync(join(h5, 'index.html'), '<!doctype html><title>技能等级认定</title>');
    const server = await startServer(sqlite, NOW, { H5_DIR: h5 });
    try {
      const home = await request(server.url).get('/').set('Accept', 'text/html').expect(200);
      expect(home.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'.*frame-ancestors 'none'/);
      expect(home.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
      expect(home.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(home.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(home.headers['x-content-type-options']).toBe('nosniff');
      const me = await request(server.url).get('/api/me').expect(401);
      expect(me.headers['cache-control']).toBe('no-store');
      const health = await request(server.url).get('/api/health').expect(200);
      expect(health.body).toEqual({ status: 'ok', database: { kind: 'sqlite', ok: true, latencyMs: expect.any(Number) } });
      expect(JSON.stringify(health.body)).not.toMatch(/\d+\.\d+\.\d+/);
      // Developers' API map in development and tests; a production server publishes none.
      await request(server.url).get('/api/docs/openapi.json').expect(200);
    } finally {
      await server.close();
    }
    const production = await createApp({ ...loadConfig({ NODE_ENV: 'test', SQLITE_PATH: ':memory:', H5_DIR: h5 }), env: 'production' }, { logger: false });
    try {
      await production.listen(0, '127.0.0.1');
      await request(await production.getUrl())
        .get('/api/docs/openapi.json')
        .expect(404);
      await request(await production.getUrl())
        .get('/api/docs')
        .expect(404);
      // The demo module is not loaded: WeChat's stand-ins do not exist, not merely refuse.
      const routes = routesOf(production).map((r) => r.path);
      expect(routes).toContain('/api/auth/wechat');
      expect(routes.filter((path) => path.includes('demo'))).toEqual([]);
    } finally {
      await production.close();
    }
  });

  it('what the body parser refuses (bad JSON, too large, wrong type) carries the same headers as every answer', async () => {
    const server = await startServer(sqlite, NOW);
    try {
      const refusals = [
        request(server.url).post('/api/staff/login').set('Content-Type', 'application/json').send('{"username":'),
        request(server.url)
          .post('/api/staff/login')
          .set('Content-Type', 'application/json')
          .send(`{"username":"${'x'.repeat(300_000)}"}`),
        request(server.url).post('/api/staff/login').set('Content-Type', 'application/json; charset=latin9').send('{}'),
      ];
      const answers = await Promise.all(refusals);
      expect(answers.map((a) => a.status)).toEqual([400, 413, 415]);
      for (const answer of answers) {
        expect(answer.body.code).toBe('VALIDATION_FAILED');
        expect(answer.headers['cache-control']).toBe('no-store');
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
        expect(answer.headers['content-security-policy']).toMatch(/default-src 'self'/);
      }
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
