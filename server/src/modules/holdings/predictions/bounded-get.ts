import { PredictionVenueError, PredictionVenueRateLimited } from './prediction-venue';

export type BoundedGetOptions = { timeoutMs: number; maxBytes: number; venueName: string };

/**
 * GET a JSON document from a venue with bounds on everything the venue controls: a deadline for
 * the whole exchange, a size limit counted on the decoded bytes (a compressed bomb stops at the
 * limit), no redirects (the configured host is the only host), and well-formed UTF-8 without NUL.
 * It sends no cookie, no credential and no header of ours beyond accept and user-agent.
 */
export async function boundedGet(url: URL, options: BoundedGetOptions): Promise<string> {
  const { venueName, timeoutMs, maxBytes } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, {
      method: 'GET',
      headers: { accept: 'application/json', 'user-agent': 'vigil' },
      redirect: 'error',
      signal,
    });
    if (res.status === 429) {
      await res.body?.cancel().catch(() => undefined);
      throw new PredictionVenueRateLimited(
        `${venueName} asked us to slow down (HTTP 429)`,
        retryAfterMs(res.headers.get('retry-after')),
      );
    }
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel().catch(() => undefined);
      throw new PredictionVenueError(`${venueName} answered HTTP ${res.status}`);
    }
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw tooLarge(venueName, maxBytes);
    }
    const bytes = await readAtMost(res, maxBytes, venueName);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new PredictionVenueError(`${venueName}'s answer was not UTF-8`);
    }
    // A NUL, raw or escaped, has no place in positions (and PostgreSQL text refuses it).
    if (text.includes('\u0000') || /\\u0000/i.test(text)) {
      throw new PredictionVenueError(`${venueName}'s answer held a NUL character`);
    }
    return text;
  } catch (err) {
    if (err instanceof PredictionVenueError) throw err;
    if (signal.aborted) throw new PredictionVenueError(`${venueName} did not answer within ${Math.round(timeoutMs / 1000)} s`);
    throw new PredictionVenueError(`${venueName} could not be reached`);
  }
}

async function readAtMost(res: Response, maxBytes: number, venueName: string): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(venueName, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (venueName: string, maxBytes: number) =>
  new PredictionVenueError(`${venueName}'s answer was larger than ${Math.round(maxBytes / 1024)} KiB`);

// A venue's wait is obeyed up to this long; a longer one is taken as this.
const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** Retry-After as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  const ms = /^\d{1,10}$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}
