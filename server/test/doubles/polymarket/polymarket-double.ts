import http from 'node:http';
import type { AddressInfo } from 'node:net';

// Polymarket's Data API `GET /positions?user=<address>&limit=&offset=` on loopback, for tests: a
// real HTTP server that answers per address what the test set, pages with limit/offset as the
// venue does, and records every request exactly as it arrived (method, URL, headers, body).

/** A position as the test writes it. Figures are decimal text, sent as raw JSON numbers. */
export type DoublePosition = {
  conditionId: string;
  asset: string;
  title: string;
  outcome: string;
  size: string;
  avgPrice: string;
  currentValue: string;
  curPrice: string;
  /** Anything else the venue sends, written as is (wrong types included). */
  extra?: Record<string, unknown>;
};

export type DoubleAnswer =
  | { kind: 'positions'; positions: DoublePosition[] }
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'raw'; body: string }
  | { kind: 'huge'; bytes: number }
  | { kind: 'hang' };

export type RecordedRequest = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

export type PolymarketDouble = {
  url: string;
  requests: RecordedRequest[];
  answer(address: string, answer: DoubleAnswer): void;
  stop(): Promise<void>;
};

const NUMERIC = ['size', 'avgPrice', 'currentValue', 'curPrice'] as const;

/** The venue's JSON, numbers written from their decimal text (never through a float). */
export function positionsJson(address: string, positions: readonly DoublePosition[]): string {
  const items = positions.map((p) => {
    const fields: string[] = [
      `"proxyWallet":${JSON.stringify(address.toLowerCase())}`,
      `"asset":${JSON.stringify(p.asset)}`,
      `"conditionId":${JSON.stringify(p.conditionId)}`,
      ...NUMERIC.map((k) => `"${k}":${p[k]}`),
      `"initialValue":1.5,"cashPnl":-0.25,"percentPnl":-3.1e-2,"redeemable":false,"mergeable":false`,
      `"title":${JSON.stringify(p.title)}`,
      `"slug":"a-market","icon":"https://polymarket-upload.s3.amazonaws.com/icon.png","eventSlug":"an-event"`,
      `"outcome":${JSON.stringify(p.outcome)}`,
      `"outcomeIndex":0,"oppositeOutcome":"No","endDate":"2027-01-01","negativeRisk":false`,
      ...Object.entries(p.extra ?? {}).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`),
    ];
    return `{${fields.join(',')}}`;
  });
  return `[${items.join(',')}]`;
}

export async function startPolymarketDouble(): Promise<PolymarketDouble> {
  const answers = new Map<string, DoubleAnswer>();
  const requests: RecordedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const url = new URL(req.url ?? '/', 'http://double.invalid');
      if (req.method !== 'GET' || url.pathname !== '/positions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
        return;
      }
      const user = (url.searchParams.get('user') ?? '').toLowerCase();
      if (!/^0x[0-9a-f]{40}$/.test(user)) {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"user is required"}');
        return;
      }
      const answer = answers.get(user) ?? { kind: 'positions', positions: [] };
      switch (answer.kind) {
        case 'positions': {
          const limit = Math.min(Number(url.searchParams.get('limit') ?? '100'), 500);
          const offset = Number(url.searchParams.get('offset') ?? '0');
          const page = answer.positions.slice(offset, offset + limit);
          res.writeHead(200, { 'content-type': 'application/json' }).end(positionsJson(user, page));
          return;
        }
        case 'status':
          res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end('{"error":"unavailable"}');
          return;
        case 'raw':
          res.writeHead(200, { 'content-type': 'application/json' }).end(answer.body);
          return;
        case 'huge': {
          // Chunked, no content-length: the client must count what it reads.
          res.writeHead(200, { 'content-type': 'application/json' });
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          let sent = 0;
          res.write('[');
          const pump = () => {
            while (sent < answer.bytes) {
              sent += chunk.length;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            res.end(']');
          };
          res.on('close', () => (sent = answer.bytes));
          pump();
          return;
        }
        case 'hang':
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(address, answer) {
      answers.set(address.toLowerCase(), answer);
    },
    async stop() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
