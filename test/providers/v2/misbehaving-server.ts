/**
 * A small CXone server that obeys the v2 contract (docs/api.md) except in the one way a test asks it to
 * misbehave (issue 12): a route's answer is replaced by a `Misbehaviour`. Plain node:http on
 * 127.0.0.1:0, test-only. Its tenant is tiny and honest: `truth` is what was really written.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CLIENT_ID = 'misbehaving-client';
export const CLIENT_SECRET = 'S3cr3t+canary/value=42';
export const QUEUE_A = '00000000-0000-4000-8000-00000000000a';
export const QUEUE_B = '00000000-0000-4000-8000-00000000000b';

export type Route = 'token' | 'list' | 'get' | 'put' | 'skills' | 'health' | 'audit' | 'details' | 'data';

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  raw: string;
  body: Record<string, unknown>;
  server: MisbehavingServer;
  /** The queue id of a queue route. */
  id?: string;
  /** Answers as a conforming server would. */
  honest: () => void;
}

/** Replaces the answer of one route. */
export type Misbehaviour = (x: Exchange) => void;

type Queue = Record<string, unknown> & { id: string; version: number };

function seedQueue(id: string, name: string): Queue {
  return { id, name, maxWaitTime: 300, version: 4, modifiedBy: { id: 'person', name: 'P' }, mediaType: 'voice' };
}

export class MisbehavingServer {
  readonly truth = new Map<string, Queue>([
    [QUEUE_A, seedQueue(QUEUE_A, 'Queue A')],
    [QUEUE_B, seedQueue(QUEUE_B, 'Queue B')],
  ]);
  readonly log: { method: string; path: string }[] = [];
  writes = 0;
  baseUrl = '';
  private readonly server: Server;

  constructor(private readonly misbehave: Partial<Record<Route, Misbehaviour>> = {}) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The environment the CLI needs to talk to this server. */
  env(): Record<string, string> {
    return { CXONE_BASE_URL: this.baseUrl, CXONE_CLIENT_ID: CLIENT_ID, CXONE_CLIENT_SECRET: CLIENT_SECRET };
  }

  /** A real write: the fields of `body` (read-only ones ignored) at version + 1. */
  write(id: string, body: Record<string, unknown>): Queue {
    const current = this.truth.get(id)!;
    const next: Queue = { ...body, id, version: current.version + 1, modifiedBy: { id: CLIENT_ID, name: 'cxq' } };
    this.truth.set(id, next);
    this.writes++;
    return next;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    this.log.push({ method, path: `${url.pathname}${url.search}` });
    let body: Record<string, unknown> = {};
    try {
      body = raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
    } catch {
      body = {}; // the token request is a form
    }
    const id = /^\/api\/v2\/routing\/queues\/([^/]+)$/.exec(url.pathname)?.[1];
    const route = routeOf(method, url.pathname, id);
    if (route === undefined) return json(res, 404, { status: 404, code: 'not.found', message: 'no route' });
    const exchange: Exchange = {
      req, res, url, raw, body, server: this,
      ...(id === undefined ? {} : { id: decodeURIComponent(id) }),
      honest: () => this.honest(route, exchange),
    };
    const bad = this.misbehave[route];
    if (bad) bad(exchange);
    else exchange.honest();
  }

  private honest(route: Route, x: Exchange): void {
    const { res } = x;
    switch (route) {
      case 'token':
        return json(res, 200, { access_token: 'tok-misbehaving-0001', token_type: 'Bearer', expires_in: 3600, scope: '' });
      case 'list':
        return json(res, 200, { results: [...this.truth.values()], pageSize: 500, pageNumber: 1, total: this.truth.size, nextUri: null });
      case 'get': {
        const q = this.truth.get(x.id ?? '');
        return q ? json(res, 200, q) : json(res, 404, { status: 404, code: 'not.found', message: 'no such queue' });
      }
      case 'put': {
        const q = this.truth.get(x.id ?? '');
        if (!q) return json(res, 404, { status: 404, code: 'not.found', message: 'no such queue' });
        if (Number(x.req.headers['if-match']) !== q.version) return json(res, 409, { status: 409, code: 'conflict', message: 'version' });
        return json(res, 200, this.write(q.id, x.body));
      }
      case 'skills':
        return json(res, 200, { results: [{ id: 'skill_a', name: 'A' }], nextUri: null });
      case 'health':
        return json(res, 200, { status: 'Healthy', components: [{ name: 'routing', status: 'Healthy' }] });
      case 'audit':
        return json(res, 200, { results: [], nextUri: null });
      case 'details':
        return json(res, 200, {
          metrics: [...this.truth.keys()].map((id) => ({ queue: { id }, occupancy: 0.5, waitTime: 10, abandonedCount: 1, answeredCount: 20 })),
        });
      case 'data':
        return json(res, 200, { results: [], nextUri: null });
    }
  }
}

function routeOf(method: string, path: string, id: string | undefined): Route | undefined {
  if (method === 'POST' && path === '/api/v2/oauth/token') return 'token';
  if (method === 'GET' && path === '/api/v2/routing/queues') return 'list';
  if (method === 'GET' && id !== undefined) return 'get';
  if (method === 'PUT' && id !== undefined) return 'put';
  if (method === 'GET' && path === '/api/v2/routing/skills') return 'skills';
  if (method === 'GET' && path === '/api/v2/health') return 'health';
  if (method === 'GET' && path === '/api/v2/audit') return 'audit';
  if (method === 'POST' && path === '/api/v2/analytics/queues/details/query') return 'details';
  if (method === 'POST' && path === '/api/v2/analytics/queues/data/query') return 'data';
  return undefined;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * A redirect to a login page, its query holding something a message must never show. The body is
 * empty, as for most redirects (before issue 12 that parsed as "no body" and passed for success).
 */
export const redirect: Misbehaviour = ({ res }) => {
  res.writeHead(302, { location: 'https://login.example.com/sso?session=LEAKME-123' });
  res.end();
};

/** Streams `bytes` of a never-ending JSON array of queues (a "200 MB page"); stops if the client goes. */
export function hugePage(bytes: number): Misbehaviour {
  return ({ res }) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const item = Buffer.from(`${JSON.stringify(seedQueue(QUEUE_A, 'x'.repeat(900)))},`);
    const chunk = Buffer.concat(Array.from({ length: 64 }, () => item));
    res.write('{"results":[');
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end(`${JSON.stringify(seedQueue(QUEUE_B, 'end'))}],"nextUri":null}`);
    };
    pump();
  };
}

/** A body that never ends: bytes as fast as the client reads them, until it disconnects. */
export const endlessBody: Misbehaviour = ({ res }) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  res.write('{"results":[');
  const pump = (): void => {
    while (!res.destroyed) if (!res.write(chunk)) return void res.once('drain', pump);
  };
  pump();
};
