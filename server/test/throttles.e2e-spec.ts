import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import request from 'supertest';
import { freePort } from '@skillcert/test-support';
import { databaseTargets, startServer, until, type TestServer } from './harness';

const NOW = new Date('2026-04-02T02:00:00Z');
const LIMIT = 3;

/** A public certificate check, as if from `forwardedFor` behind a proxy (or claiming to be). */
const lookup = (server: TestServer, forwardedFor?: string) => {
  const test = request(server.url).get('/api/public/certificates/verify').query({ number: 'SH2026000001', name: '某某' });
  return forwardedFor ? test.set('X-Forwarded-For', forwardedFor) : test;
};

async function statusesOf(server: TestServer, count: number, forwardedFor?: (i: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await lookup(server, forwardedFor?.(i))).status);
  return statuses;
}

describe.each(databaseTargets())('per-address throttles on $name', (target) => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });
  const start = async (env: Record<string, string> = {}) => {
    const server = await startServer(target, NOW, { VERIFY_LOOKUPS_PER_ADDRESS: String(LIMIT), ...env });
    servers.push(server);
    return server;
  };

  it('a header anyone can send does not make a new address: without TRUST_PROXY the socket is the client', async () => {
    const server = await start();
    const statuses = await statusesOf(server, LIMIT + 2, (i) => `10.0.0.${i + 1}`);
    expect(statuses.slice(0, LIMIT).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
  });

  it('behind a trusted proxy each forwarded client has its own allowance, and a shared proxy address is not everyone', async () => {
    const server = await start({ TRUST_PROXY: 'loopback' });
    expect((await statusesOf(server, LIMIT + 1, () => '203.0.113.7')).at(-1)).toBe(429);
    // Another candidate behind the same balancer is not refused for the first one's lookups.
    expect((await lookup(server, '198.51.100.23')).status).not.toBe(429);
    // A client cannot slip a fresh address in front of the one the proxy saw: the rightmost untrusted hop counts.
    expect((await lookup(server, '192.0.2.1, 203.0.113.7')).status).toBe(429);
  });

  if (target.name === 'mariadb') {
    it('Redis killed: health says so (degraded, still serving) and the lookup limit still answers 429, counted by the instance', async () => {
      const port = await freePort();
      const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      try {
        const listening = () =>
          new Promise<boolean>((resolve) => {
            const socket = connect(port, '127.0.0.1');
            socket.once('connect', () => {
              socket.destroy();
              resolve(true);
            });
            socket.once('error', () => resolve(false));
          });
        await until(listening, 'Redis to listen');
        const server = await start({ REDIS_URL: `redis://127.0.0.1:${port}/0` });
        await until(async () => (await request(server.url).get('/api/health')).body.redis?.ok === true, 'Redis to be ready');
        expect((await request(server.url).get('/api/health').expect(200)).body).toMatchObject({ status: 'ok', redis: { ok: true } });
        redis.kill('SIGKILL');
        await new Promise((r) => redis.once('exit', r));
        const health = await request(server.url).get('/api/health').expect(200);
        expect(health.body).toMatchObject({ status: 'degraded', database: { ok: true }, redis: { ok: false } });
        const statuses = await statusesOf(server, LIMIT + 2);
        expect(statuses.slice(0, LIMIT)).not.toContain(429);
        expect(statuses.slice(LIMIT)).toEqual([429, 429]);
      } finally {
        redis.kill('SIGKILL');
      }
    });

    it('the count is shared: a second instance (or a restarted one) carries on from the first', async () => {
      const shared = { REDIS_KEY_PREFIX: `${target.env.REDIS_KEY_PREFIX}shared:` };
      const first = await start(shared);
      expect(await statusesOf(first, LIMIT - 1)).not.toContain(429);
      const second = await start(shared);
      expect((await lookup(second)).status).not.toBe(429);
      expect((await lookup(second)).status).toBe(429);
      expect((await lookup(first)).status).toBe(429);
    });
  }
});
