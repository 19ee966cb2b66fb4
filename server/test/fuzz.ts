import { Agent, request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';

/**
 * Malformed requests, made up from a seed: every route the server's router has,
 * with every kind of caller, path parameters from real ids to junk, bodies of
 * the wrong shape, type, encoding and size, odd content types and charsets.
 * The same seed makes the same requests, so a failure can be sent again.
 */
export interface Route {
  method: string;
  path: string;
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  role: string;
}

export interface Answer {
  request: FuzzRequest;
  status: number;
  body: string;
}

/** A small, fast, seeded generator (mulberry32). */
export function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}

type Random = ReturnType<typeof generator>;

const FIELD_NAMES = [
  'planId',
  'level',
  'facts',
  'birthDate',
  'materials',
  'materialId',
  'fileIds',
  'commitments',
  'signedName',
  'name',
  'residentId',
  'phone',
  'email',
  'code',
  'username',
  'password',
  'newPassword',
  'displayName',
  'kind',
  'roles',
  'institutionName',
  'scores',
  'theory',
  'practical',
  'applicationIds',
  'applicationId',
  'decision',
  'note',
  'reason',
  'items',
  'item',
  'startsAt',
  'choices',
  'templateId',
  'choice',
  'numbers',
  'method',
  'address',
  'ticketNo',
  'date',
  'site',
  'levels',
  'capacity',
  'theoryAt',
  'practicalAt',
  'receivedAt',
  'amount',
  'payer',
  'remark',
  'reference',
  'article',
  'act',
  'subject',
  'severity',
  'afterEvent',
  'occurredOn',
  'confirmForfeit',
  'status',
  'now',
  'persona',
  'work',
  'diplomas',
  'certificates',
  'titles',
  'trainings',
  'from',
  'to',
  'school',
  'major',
  'finalYear',
  'intendsToWork',
  'exceptions',
  'trackingNo',
  'collection',
  'number',
  '__proto__',
  'constructor',
  'prototype',
] as const;

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uffff',
  '\ud800',
  '😀'.repeat(40),
  '你'.repeat(300),
  'a'.repeat(5000),
  '../../etc/passwd',
  '%00',
  '%',
  '%%',
  '%E4%BD',
  "' OR 1=1 --",
  '"; DROP TABLE applications; --',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  'null',
  'true',
  '[]',
  '{}',
  '2026-02-30',
  '9999-99-99',
  '2026-13-01',
  '0000-00-00',
  '25:61',
  '310109200809011234',
  '31010920080901123X',
  '13800138000',
  'shanghai-2026',
  'beijing-2021',
  'sh-cpna',
  'admin',
  'SH2026000001',
  '2603270001',
  'dev-template-ticket-available',
  'accept',
  'pickup',
  'theory',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '0x10',
  '١٢٣',
  'ＡＢＣ',
  'a\r\nX-Injected: 1',
  '\t\n\r',
];

function junkValue(random: Random, ids: string[], depth = 0): unknown {
  const roll = random.int(14);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, 1, 3, 4, 5, 1.5, -0.0001, 1e308, -1e308, 2 ** 53 + 1, 100, 101, 9_999_999_999]);
    case 3:
    case 4:
      return random.pick(NASTY_STRINGS);
    case 5:
      return random.pick(ids);
    case 6:
      return depth > 3 ? [] : Array.from({ length: random.int(4) }, () => junkValue(random, ids, depth + 1));
    case 7:
      return depth > 3 ? {} : junkObject(random, ids, depth + 1);
    case 8:
      // Deep nesting: parsers and validators must not recurse themselves to death.
      return JSON.parse('['.repeat(500) + ']'.repeat(500)) as unknown;
    case 9:
      return Array.from({ length: 2000 }, (_, i) => i);
    case 10:
      return new Date(random.int(4_000_000_000_000)).toISOString();
    case 11:
      return { toString: 'x', valueOf: 1, length: -1 };
    default:
      return random.pick(NASTY_STRINGS) + random.pick(ids);
  }
}

function junkObject(random: Random, ids: string[], depth = 0): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = random.int(6); i >= 0; i--) object[random.pick(FIELD_NAMES)] = junkValue(random, ids, depth);
  return object;
}

/** Percent-encoded as UTF-8 bytes (a lone surrogate too); now and then sent raw, broken escapes and all. */
function encode(random: Random, value: string): string {
  if (random.chance(0.1) && /^[\x21-\x7e]*$/.test(value)) return value;
  return [...Buffer.from(value, 'utf8')]
    .map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0').toUpperCase()}`))
    .join('');
}

/** Fills a route's `:params` with real ids, other people's, fresh uuids or junk. */
function pathFor(random: Random, route: Route, ids: string[]): string {
  const path = route.path.replace(/:[A-Za-z]+/g, () =>
    encode(random, String(random.pick<unknown>([...ids, ...ids, randomUUID(), random.pick(NASTY_STRINGS), 'x'.repeat(300), '1'])) || 'x'),
  );
  if (!random.chance(0.3)) return path;
  const query = Array.from({ length: 1 + random.int(3) }, () => {
    const key = random.pick([...FIELD_NAMES, 'planId', 'level', 'status', 'applicationId', 'number', 'name']);
    const value = random.chance(0.3) ? random.pick(ids) : String(random.pick(NASTY_STRINGS));
    return `${encode(random, key)}${random.chance(0.2) ? '[]' : ''}=${encode(random, value)}`;
  });
  return `${path}?${query.join('&')}`;
}

/** One malformed request for a route as one caller. */
export function fuzzRequest(random: Random, route: Route, role: string, token: string | undefined, ids: string[]): FuzzRequest {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = random.chance(0.05) ? `Bearer ${token}x` : `Bearer ${token}`;
  else if (random.chance(0.1))
    headers.authorization = random.pick(['Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'a'.repeat(2000)}`, 'Bearer null']);
  const json = (value: unknown) => Buffer.from(JSON.stringify(value) ?? 'null');
  let body: Buffer | undefined;
  const shape = random.int(20);
  if (shape < 10) {
    headers['content-type'] = 'application/json';
    body = json(random.chance(0.8) ? junkObject(random, ids) : junkValue(random, ids));
  } else if (shape === 10) {
    headers['content-type'] = 'application/json';
    body = Buffer.from(
      random.pick(['{', '{"a":', '[1,2', 'nul', '{"a":1}garbage', '\u0000\u0001', '{"__proto__":{"admin":true}}', '"' + 'a'.repeat(300_000) + '"']),
    );
  } else if (shape === 11) {
    headers['content-type'] = `application/json; charset=${random.pick(['latin1', 'utf-16', 'gbk', 'ebcdic', 'x'])}`;
    body = json(junkObject(random, ids));
  } else if (shape === 12) {
    headers['content-type'] = 'application/json';
    headers['content-encoding'] = random.pick(['bogus', 'gzip', 'deflate', 'br', 'identity, gzip']);
    body = json(junkObject(random, ids));
  } else if (shape === 13 || shape === 14) {
    const boundary = `----fuzz${random.int(1e9)}`;
    headers['content-type'] = random.chance(0.9) ? `multipart/form-data; boundary=${boundary}` : 'multipart/form-data';
    const file = random.pick([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
      Buffer.from('%PDF-1.7\n/JavaScript'),
      Buffer.from('PK\u0003\u0004 not a zip'),
      Buffer.alloc(0),
      Buffer.from('姓名,身份证号\n张三,1\n'),
    ]);
    const field = random.pick(['file', 'files', 'upload', 'x']);
    body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${random.pick(['a.xlsx', '../../x.pdf', '', 'a'.repeat(300)])}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(random.chance(0.8) ? `\r\n--${boundary}--\r\n` : '\r\n--'),
    ]);
  } else if (shape === 15) {
    headers['content-type'] = random.pick(['application/x-www-form-urlencoded', 'text/plain', 'application/xml', 'image/png', '']);
    body = Buffer.from(random.pick(['a=1&b=2', '<x/>', 'plain words', '\u0000']));
  } else if (shape === 16) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = '5';
    body = Buffer.from('{"a":1}');
  }
  return { method: route.method, path: pathFor(random, route, ids), headers, ...(body ? { body } : {}), role };
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** Sends one request as is (no client-side fixing of what it says), and reads the whole answer. */
export function send(baseUrl: string, request: FuzzRequest): Promise<Answer> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const headers = { ...request.headers };
    if (request.body && !headers['content-length']) headers['content-length'] = String(request.body.length);
    const req = httpRequest({ host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ request, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 500) }));
      res.on('error', () => resolve({ request, status: 0, body: 'response error' }));
    });
    // A body shorter or longer than its declared length ends in a reset: that is the server refusing it, not failing.
    req.on('error', (error) => resolve({ request, status: -1, body: String(error) }));
    req.end(request.body);
  });
}

/** Sends every request, `width` at a time. */
export async function sendAll(baseUrl: string, requests: FuzzRequest[], width = 8): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < requests.length) answers.push(await send(baseUrl, requests[next++]!));
    }),
  );
  return answers;
}

/** The routes the running app answers, from Express's own router: nothing listed by hand. */
export function routesOf(app: { getHttpAdapter(): { getInstance(): unknown } }): Route[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((m) => m !== '_all')
          .map((m) => ({ method: m.toUpperCase(), path: layer.route!.path }))
      : [],
  );
}
