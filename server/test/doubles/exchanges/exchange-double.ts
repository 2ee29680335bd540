import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  serialiseJson,
  type Dialect,
  type DoubleKey,
  type DoubleKeyInput,
  type DoublePermission,
  type DoubleRequest,
  type DoubleResponse,
  type Route,
} from './double-types';
import { dialectFor, type DoubleVenue } from './dialects';

// A local stand-in for an exchange: a real HTTP server on loopback speaking one venue's paths,
// shapes, signatures and errors. Used by the adapter tests, the poll-cycle bench, the browser
// journey and demo mode, so it keeps a small API and no test-framework imports.

export type ExchangeDoubleOptions = {
  host?: string;
  port?: number;
  /** Fixed latency, or a [min, max] range drawn per request (the bench uses [50, 150]). */
  latencyMs?: number | [number, number];
  /** Per client IP: at most `requests` per `windowMs`, then 429 with Retry-After. */
  ipLimit?: { requests: number; windowMs: number; retryAfterSeconds: number };
};

export type RecordedRequest = {
  method: string;
  path: string;
  pathWithQuery: string;
  /** The Host header: the test checks every request reached this double and nothing else. */
  host: string;
  apiKeyHeader?: string;
  /** The client's IP as the double saw it (what a venue's per-IP limit counts). */
  remoteAddress: string;
  status: number;
  at: number;
};

export type ExchangeDoubleStats = {
  requests: number;
  rateLimited: number;
  /** Requests that arrived while a Retry-After this double announced was still running. */
  sentDuringRetryAfter: number;
};

function powersOf(permissions: DoubleKeyInput['permissions']): Set<DoublePermission> {
  return new Set<DoublePermission>(permissions === 'read_only' ? ['read'] : ['read', ...permissions]);
}

export class ExchangeDouble {
  readonly requests: RecordedRequest[] = [];
  readonly stats: ExchangeDoubleStats = { requests: 0, rateLimited: 0, sentDuringRetryAfter: 0 };
  private readonly keys = new Map<string, DoubleKey>();
  private readonly ipHits = new Map<string, number[]>();
  private readonly ipBlockedUntil = new Map<string, number>();

  constructor(
    readonly venue: DoubleVenue,
    private readonly dialect: Dialect,
    private readonly server: http.Server,
    private readonly options: ExchangeDoubleOptions,
  ) {}

  get url(): string {
    const address = this.server.address() as AddressInfo;
    return `http://${address.address}:${address.port}`;
  }

  addKey(input: DoubleKeyInput): DoubleKey {
    const key: DoubleKey = {
      ...input,
      permissions: powersOf(input.permissions),
      revoked: false,
      permissionEndpointFails: false,
      throttledUntil: 0,
      limitAnnounced: false,
      hits: [],
    };
    this.keys.set(input.apiKey, key);
    return key;
  }

  key(apiKey: string): DoubleKey {
    const key = this.keys.get(apiKey);
    if (key === undefined) throw new Error(`no such key at the ${this.venue} double`);
    return key;
  }

  revoke(apiKey: string): void {
    this.key(apiKey).revoked = true;
  }

  setPermissions(apiKey: string, permissions: DoubleKeyInput['permissions']): void {
    this.key(apiKey).permissions = powersOf(permissions);
  }

  /** The key answers `requests` more signed calls, then is revoked (a key revoked mid-poll). */
  revokeAfter(apiKey: string, requests: number): void {
    this.key(apiKey).revokeAfter = requests;
  }

  /** Per client IP: at most `requests` per `windowMs`, then the venue's IP-limit answer. */
  limitIp(limit: ExchangeDoubleOptions['ipLimit']): void {
    this.options.ipLimit = limit;
    this.ipHits.clear();
    this.ipBlockedUntil.clear();
  }

  failPermissionEndpoint(apiKey: string, failing = true): void {
    this.key(apiKey).permissionEndpointFails = failing;
  }

  /** Every call with the key is answered as rate limited for the next `seconds`. */
  throttle(apiKey: string, seconds: number): void {
    const key = this.key(apiKey);
    key.throttledUntil = Date.now() + seconds * 1000;
    key.limitAnnounced = false;
  }

  setLatency(latencyMs: ExchangeDoubleOptions['latencyMs']): void {
    this.options.latencyMs = latencyMs;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  /** Exposed for the request handler below. */
  async answer(request: DoubleRequest, clientIp: string): Promise<DoubleResponse> {
    await this.delay();
    const now = Date.now();
    const ipBlock = this.checkIpLimit(clientIp, now);
    if (ipBlock !== undefined) return ipBlock;
    const route = this.route(request);
    if (route === undefined) return this.dialect.notFound();
    if (!route.signed) return route.handle({ request, now });
    const auth = this.dialect.authenticate(request, (apiKey) => this.keys.get(apiKey), now);
    if (!auth.ok) return auth.response;
    const key = auth.key;
    if (key.revokeAfter !== undefined && key.revokeAfter-- <= 0) key.revoked = true;
    if (key.revoked) return this.dialect.revoked();
    const keyBlock = this.checkKeyLimit(key, now);
    if (keyBlock !== undefined) return keyBlock;
    if (route.permissionEndpoint === true && key.permissionEndpointFails) return this.dialect.serverError();
    return route.handle({ request, now, key });
  }

  private route(request: DoubleRequest): Route | undefined {
    return this.dialect.routes.find(
      (r) => r.method === request.method && (typeof r.path === 'string' ? r.path === request.path : r.path.test(request.path)),
    );
  }

  private async delay(): Promise<void> {
    const latency = this.options.latencyMs;
    if (latency === undefined) return;
    const ms = typeof latency === 'number' ? latency : latency[0] + Math.random() * (latency[1] - latency[0]);
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  private checkIpLimit(ip: string, now: number): DoubleResponse | undefined {
    const limit = this.options.ipLimit;
    if (limit === undefined) return undefined;
    const blockedUntil = this.ipBlockedUntil.get(ip) ?? 0;
    if (now < blockedUntil) {
      this.stats.sentDuringRetryAfter += 1;
      this.stats.rateLimited += 1;
      return this.dialect.ipRateLimited(Math.ceil((blockedUntil - now) / 1000));
    }
    const hits = (this.ipHits.get(ip) ?? []).filter((t) => t > now - limit.windowMs);
    hits.push(now);
    this.ipHits.set(ip, hits);
    if (hits.length <= limit.requests) return undefined;
    this.ipBlockedUntil.set(ip, now + limit.retryAfterSeconds * 1000);
    this.stats.rateLimited += 1;
    return this.dialect.ipRateLimited(limit.retryAfterSeconds);
  }

  private checkKeyLimit(key: DoubleKey, now: number): DoubleResponse | undefined {
    if (now < key.throttledUntil) {
      // A throttle set by the test is not a wait the client was told about: only count repeats.
      if (key.limitAnnounced) this.stats.sentDuringRetryAfter += 1;
      key.limitAnnounced = true;
      this.stats.rateLimited += 1;
      return this.dialect.keyRateLimited(Math.ceil((key.throttledUntil - now) / 1000));
    }
    const limit = key.limit;
    if (limit === undefined) return undefined;
    key.hits = key.hits.filter((t) => t > now - limit.windowMs);
    key.hits.push(now);
    if (key.hits.length <= limit.requests) return undefined;
    key.throttledUntil = now + limit.retryAfterSeconds * 1000;
    key.limitAnnounced = true;
    this.stats.rateLimited += 1;
    return this.dialect.keyRateLimited(limit.retryAfterSeconds);
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function toRequest(req: http.IncomingMessage, body: string): DoubleRequest {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const rawQuery = q < 0 ? '' : raw.slice(q + 1);
  return {
    method: req.method ?? 'GET',
    path,
    query: new URLSearchParams(rawQuery),
    rawQuery,
    pathWithQuery: raw,
    body,
    headers: req.headers,
  };
}

function send(res: http.ServerResponse, response: DoubleResponse): void {
  const text = typeof response.body === 'string' ? response.body : serialiseJson(response.body);
  const contentType = typeof response.body === 'string' ? 'text/html' : 'application/json';
  res.writeHead(response.status, { 'content-type': contentType, ...(response.headers ?? {}) });
  res.end(text);
}

const API_KEY_HEADERS = [
  'x-mbx-apikey',
  'cb-access-key',
  'api-key',
  'ok-access-key',
  'x-bapi-api-key',
  'kc-api-key',
  'x-gemini-apikey',
];

export async function startExchangeDouble(venue: DoubleVenue, options: ExchangeDoubleOptions = {}): Promise<ExchangeDouble> {
  const dialect = dialectFor(venue);
  const server = http.createServer();
  const double = new ExchangeDouble(venue, dialect, server, options);
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    void (async () => {
      const request = toRequest(req, await readBody(req));
      let response: DoubleResponse;
      const remoteAddress = req.socket.remoteAddress ?? 'unknown';
      try {
        response = await double.answer(request, remoteAddress);
      } catch (err) {
        response = { status: 500, body: { double_error: (err as Error).message } };
      }
      double.stats.requests += 1;
      const apiKeyHeader = API_KEY_HEADERS.map((h) => req.headers[h]).find((v): v is string => typeof v === 'string');
      double.requests.push({
        method: request.method,
        path: request.path,
        pathWithQuery: request.pathWithQuery,
        host: req.headers.host ?? '',
        remoteAddress,
        status: response.status,
        at: Date.now(),
        ...(apiKeyHeader !== undefined ? { apiKeyHeader } : {}),
      });
      send(res, response);
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  return double;
}
