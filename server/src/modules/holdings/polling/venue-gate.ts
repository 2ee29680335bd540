import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { DEFAULT_EGRESS } from './egress-addresses';
import { limitsOf, type Bucket, type VenueLimits } from './venue-limits';

/**
 * Honours a venue's "wait" and paces requests within its limits (venue-limits.ts), for every
 * worker at once. Two gates: a venue's, closed by an answer about our IP (429/418, Bybit's 403)
 * for every key, and a key's, closed by an answer about that key only (its own quota, which
 * another tool of the same account may have spent). No request goes through a closed gate.
 * Two token buckets per request: the venue's (per egress IP) and the key's. The venue's gate and
 * bucket are per (venue, egress): every egress address has the venue's per-IP limit to itself,
 * and a venue's answer about one of our IPs says nothing of the others. The key's stay per key
 * (whichever address it left from, a key's quota is its own). With Redis they are
 * shared by every worker process (one Lua script: gates checked and both buckets debited
 * atomically); without it (embedded mode, one process) they live in memory.
 * `key` is an opaque id of the API key (a hash), never the key itself.
 */
export type Admission = { go: true; waitMs: number } | { go: false; reason: 'gate' | 'budget'; waitMs: number };

export type AdmitRequest = {
  venue: string;
  key: string;
  egressCost: number;
  keyCost: number;
  maxWaitMs: number;
  /** The egress's name (egress-addresses.ts); default `default`. */
  egress?: string;
};

export type VenueGate = {
  /** Milliseconds until the venue from that egress (and, given a key, that key) may be asked again; 0 when open. */
  waitFor(venue: string, key?: string, egress?: string): Promise<number>;
  /**
   * One request: refused while a gate is closed; otherwise both buckets are debited and `waitMs`
   * says how long to wait before sending (its place in the queue). A wait longer than
   * `maxWaitMs` is refused as `budget` and debits nothing.
   */
  admit(request: AdmitRequest): Promise<Admission>;
  /**
   * Closes the venue's gate for that egress (or, given a key, that key's, from every egress) for
   * at least `forMs`, backing off: the n-th refusal within a while waits `forMs × 2^(n-1)` (at
   * most MAX_BACKOFF_MS, and never less than the venue asked), since a venue that counts refused
   * requests in its window would refuse a retry sent the moment each Retry-After ends for ever.
   * Never shortens a wait. Resolves to the wait the gate now has.
   */
  close(venue: string, forMs: number, key?: string, egress?: string): Promise<number>;
};

type LimitsOf = (venue: string) => VenueLimits;

const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local gate = math.max(redis.call('PTTL', KEYS[1]), redis.call('PTTL', KEYS[2]))
if gate > 0 then return {1, gate} end
local function level(key, rate, burst)
  local v = redis.call('HMGET', key, 't', 'at')
  local tokens, at = tonumber(v[1]), tonumber(v[2])
  if tokens == nil then return burst end
  return math.min(burst, tokens + (now - at) * rate)
end
local vc, vr, vb = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local kc, kr, kb = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local vt, kt = level(KEYS[3], vr, vb), level(KEYS[4], kr, kb)
local wait = 0
if vt < vc then wait = math.max(wait, (vc - vt) / vr) end
if kt < kc then wait = math.max(wait, (kc - kt) / kr) end
wait = math.ceil(wait)
if wait > tonumber(ARGV[7]) then return {2, wait} end
redis.call('HSET', KEYS[3], 't', tostring(vt - vc), 'at', now)
redis.call('PEXPIRE', KEYS[3], math.ceil(vb / vr) + wait + 1000)
redis.call('HSET', KEYS[4], 't', tostring(kt - kc), 'at', now)
redis.call('PEXPIRE', KEYS[4], math.ceil(kb / kr) + wait + 1000)
return {0, wait}`;

const CLOSE = `
local strikes = redis.call('INCR', KEYS[2])
local ms = math.max(tonumber(ARGV[1]), math.min(tonumber(ARGV[2]), tonumber(ARGV[1]) * 2 ^ (strikes - 1)))
ms = math.ceil(ms)
redis.call('PEXPIRE', KEYS[2], ms * 2 + tonumber(ARGV[3]))
local current = redis.call('PTTL', KEYS[1])
if current < ms then redis.call('SET', KEYS[1], '1', 'PX', ms) return ms end
return current`;

/** The longest backoff a repeated refusal reaches (a venue's own wait can be longer). */
export const MAX_BACKOFF_MS = 10 * 60_000;
/** A gate's refusals are counted as repeated while they come within this long after its wait. */
const STRIKE_MEMORY_MS = 60_000;

/**
 * The venue-wide part of gate and bucket names: the venue alone for the default egress (the names
 * a deployment with one egress always had, so its gates survive an upgrade), `venue@address` for
 * a configured one ('@' is in no venue id, key id or IP address).
 */
const scopeOf = (venue: string, egress = DEFAULT_EGRESS.name) => (egress === DEFAULT_EGRESS.name ? venue : `${venue}@${egress}`);

const backoff = (forMs: number, strikes: number) =>
  Math.ceil(Math.max(forMs, Math.min(MAX_BACKOFF_MS, forMs * 2 ** (strikes - 1))));

/** EVALSHA, loading the script on the first NOSCRIPT (a Redis restarted, or a fresh one). */
function script(body: string) {
  const sha = createHash('sha1').update(body).digest('hex');
  return async (redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error).message).includes('NOSCRIPT')) throw err;
      return redis.eval(body, keys.length, ...keys, ...args);
    }
  };
}
const admitScript = script(ADMIT);
const closeScript = script(CLOSE);

/** Per millisecond, as the buckets count. */
const perMs = (b: Bucket) => b.perSecond / 1000;

function admission(code: number, waitMs: number): Admission {
  if (code === 1) return { go: false, reason: 'gate', waitMs };
  if (code === 2) return { go: false, reason: 'budget', waitMs };
  return { go: true, waitMs };
}

export function redisVenueGate(redis: Redis, prefix = 'holdings:venue-gate:', limits: LimitsOf = limitsOf): VenueGate {
  const venueGate = (venue: string, egress?: string) => `${prefix}${scopeOf(venue, egress)}`;
  const keyGate = (venue: string, key: string) => `${prefix}${venue}:key:${key}`;
  return {
    async waitFor(venue, key, egress) {
      const [a, b] = await Promise.all([
        redis.pttl(venueGate(venue, egress)),
        key === undefined ? 0 : redis.pttl(keyGate(venue, key)),
      ]);
      return Math.max(0, a, b);
    },
    async admit(r) {
      const l = limits(r.venue);
      const [code, wait] = (await admitScript(
        redis,
        [
          venueGate(r.venue, r.egress),
          keyGate(r.venue, r.key),
          `${prefix}bucket:${scopeOf(r.venue, r.egress)}`,
          `${prefix}bucket:${r.venue}:key:${r.key}`,
        ],
        [r.egressCost, perMs(l.egress), l.egress.burst, r.keyCost, perMs(l.key), l.key.burst, r.maxWaitMs],
      )) as [number, number];
      return admission(code, wait);
    },
    async close(venue, forMs, key, egress) {
      const gate = key === undefined ? venueGate(venue, egress) : keyGate(venue, key);
      return Number(
        await closeScript(redis, [gate, `${gate}:strikes`], [Math.max(1, Math.ceil(forMs)), MAX_BACKOFF_MS, STRIKE_MEMORY_MS]),
      );
    },
  };
}

export function memoryVenueGate(now = () => Date.now(), limits: LimitsOf = limitsOf): VenueGate {
  const until = new Map<string, number>();
  const strikes = new Map<string, { count: number; until: number }>();
  const buckets = new Map<string, { tokens: number; at: number }>();
  // The Redis names without the prefix: one id for a gate and for its bucket.
  const keyScope = (venue: string, key: string) => `${venue}:key:${key}`;
  const open = (venue: string, key?: string, egress?: string) =>
    Math.max(
      0,
      (until.get(scopeOf(venue, egress)) ?? 0) - now(),
      key === undefined ? 0 : (until.get(keyScope(venue, key)) ?? 0) - now(),
    );
  const level = (id: string, b: Bucket, t: number) => {
    const s = buckets.get(id);
    return s === undefined ? b.burst : Math.min(b.burst, s.tokens + (t - s.at) * perMs(b));
  };
  return {
    async waitFor(venue, key, egress) {
      return open(venue, key, egress);
    },
    async admit(r) {
      const gate = open(r.venue, r.key, r.egress);
      if (gate > 0) return admission(1, gate);
      const l = limits(r.venue);
      const t = now();
      const [venueId, keyId] = [scopeOf(r.venue, r.egress), keyScope(r.venue, r.key)];
      const vt = level(venueId, l.egress, t);
      const kt = level(keyId, l.key, t);
      const wait = Math.ceil(
        Math.max(
          0,
          vt < r.egressCost ? (r.egressCost - vt) / perMs(l.egress) : 0,
          kt < r.keyCost ? (r.keyCost - kt) / perMs(l.key) : 0,
        ),
      );
      if (wait > r.maxWaitMs) return admission(2, wait);
      buckets.set(venueId, { tokens: vt - r.egressCost, at: t });
      buckets.set(keyId, { tokens: kt - r.keyCost, at: t });
      return admission(0, wait);
    },
    async close(venue, forMs, key, egress) {
      const id = key === undefined ? scopeOf(venue, egress) : keyScope(venue, key);
      const t = now();
      const previous = strikes.get(id);
      const count = previous !== undefined && previous.until > t ? previous.count + 1 : 1;
      const ms = backoff(Math.max(1, forMs), count);
      strikes.set(id, { count, until: t + ms * 2 + STRIKE_MEMORY_MS });
      until.set(id, Math.max(until.get(id) ?? 0, t + ms));
      return (until.get(id) ?? 0) - t;
    },
  };
}
