import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeAdapter } from '@/modules/holdings/exchanges/exchange-adapter';
import { adapterFor } from '@/modules/holdings/exchanges/exchange-venues';
import { claimDueConnections, pollCadence, type ClaimedConnection } from '@/modules/holdings/polling/poll-schedule';
import { keyIdOf, PollGuard } from '@/modules/holdings/polling/poll-guard';
import { memoryVenueGate, type VenueGate } from '@/modules/holdings/polling/venue-gate';
import { claimCaps, limitsOf, type VenueLimits } from '@/modules/holdings/polling/venue-limits';
import { inScopedTransaction } from '@/lib/db/request-db';
import { venueGateKit } from '../../helpers/venue-gate-kit';
import { startExchangeDouble, type ExchangeDouble } from '../../doubles/exchanges/exchange-double';
import { DOUBLE_VENUES, dialectFor } from '../../doubles/exchanges/dialects';
import type { DoubleResponse } from '../../doubles/exchanges/double-types';
import { sampleCredentials, sampleKey, type SampleCredentials } from '../../doubles/exchanges/sample-accounts';
import { CONNECT, freshKey, onboardedEmployee } from '../../helpers/holdings-kit';
import { adminWithMfa, createTestOrg, startTestApp, type TestApp } from '../../helpers/test-app';

// The poller's own limiter (venue-limits.ts, venue-gate.ts, poll-guard.ts): per-venue and per-key
// budgets and gates shared by every worker, a key's 429 closing that key's gate only, and nothing
// sent to a venue (or key) during its Retry-After, not even requests ccxt fired alongside the
// refused one.

/** Tight limits for the gate tests: 10 requests/s per venue with a burst of 2, 100/s per key. */
const tight: VenueLimits = {
  ...limitsOf('binance'),
  egress: { perSecond: 10, burst: 2 },
  key: { perSecond: 100, burst: 100 },
};
const admit = (gate: VenueGate, key: string, maxWaitMs = 10_000) =>
  gate.admit({ venue: 'binance', key, egressCost: 1, keyCost: 1, maxWaitMs });

describe('the venue gate and budget', () => {
  const { kinds, freshPrefix, redisGate } = venueGateKit('gate', () => tight);

  describe.each(kinds)('%s', (_kind, make) => {
    it("should pace requests by the venue's bucket, and refuse a wait beyond the maximum without debiting", async () => {
      const gate = make();
      expect(await admit(gate, 'a')).toEqual({ go: true, waitMs: 0 });
      expect(await admit(gate, 'b')).toEqual({ go: true, waitMs: 0 });
      // The burst is spent: the third waits its turn (~100 ms at 10/s), the fourth after it.
      const third = await admit(gate, 'a');
      expect(third.go).toBe(true);
      expect(third.waitMs).toBeGreaterThan(50);
      const fourth = await admit(gate, 'a');
      expect(fourth.waitMs).toBeGreaterThan(third.waitMs);
      // Refused, and nothing taken: the same request with a long enough wait is next in line.
      const refused = await admit(gate, 'a', 0);
      expect(refused).toMatchObject({ go: false, reason: 'budget' });
      const again = await admit(gate, 'a');
      expect(again.waitMs).toBeLessThanOrEqual(fourth.waitMs + 150);
    });

    it("should close a key's gate for that key only, the venue's for every key, and never shorten a wait", async () => {
      const gate = make();
      await gate.close('binance', 1500, 'hot');
      expect(await admit(gate, 'hot')).toMatchObject({ go: false, reason: 'gate' });
      expect((await admit(gate, 'cool')).go).toBe(true);
      expect(await gate.waitFor('binance')).toBe(0);
      expect(await gate.waitFor('binance', 'hot')).toBeGreaterThan(1000);
      await gate.close('binance', 10, 'hot');
      expect(await gate.waitFor('binance', 'hot')).toBeGreaterThan(1000);
      await gate.close('binance', 800);
      expect(await admit(gate, 'cool')).toMatchObject({ go: false, reason: 'gate' });
      expect(await gate.waitFor('kraken')).toBe(0);
    });

    it("should back off a gate refused again and again: each wait doubles the last, never below the venue's", async () => {
      const gate = make();
      expect(await gate.close('okx', 100, 'k')).toBe(100);
      expect(await gate.close('okx', 100, 'k')).toBeGreaterThanOrEqual(199);
      expect(await gate.close('okx', 100, 'k')).toBeGreaterThanOrEqual(399);
      expect(await gate.waitFor('okx', 'k')).toBeGreaterThan(300);
      // Another key's first refusal starts afresh; a venue's own longer wait is kept as asked.
      expect(await gate.close('okx', 100, 'other')).toBe(100);
      expect(await gate.close('okx', 5000, 'other')).toBeGreaterThanOrEqual(5000);
    });
  });

  it('should share the gates and the budget between worker processes (two gates on one Redis)', async () => {
    const prefix = freshPrefix();
    const [one, two] = [redisGate(prefix), redisGate(prefix)];
    expect((await admit(one, 'a')).waitMs).toBe(0);
    expect((await admit(one, 'a')).waitMs).toBe(0);
    expect((await admit(two, 'b')).waitMs).toBeGreaterThan(50);
    await one.close('binance', 1000, 'a');
    expect(await admit(two, 'a')).toMatchObject({ go: false, reason: 'gate' });
  });

  it.each(DOUBLE_VENUES)("should read %s's per-key answer as the key's limit and its per-IP answer as the venue's", (venue) => {
    const dialect = dialectFor(venue);
    const answer = (r: DoubleResponse) => ({
      status: r.status,
      headers: Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
      body: r.body,
    });
    expect(limitsOf(venue).keyLevel(answer(dialect.keyRateLimited(5)))).toBe(true);
    expect(limitsOf(venue).keyLevel(answer(dialect.ipRateLimited(5)))).toBe(false);
    // Binance's 418 (an IP ban) is never a key's.
    if (venue === 'binance') expect(limitsOf(venue).keyLevel({ status: 418, headers: {}, body: { msg: 'UID' } })).toBe(false);
  });

  it('should claim no more of a venue per tick than its budget polls in that tick', () => {
    const caps = claimCaps(10_000);
    // Binance: 80 weight/s, ~63 per poll.
    expect(caps.binance).toBe(12);
    expect(Object.keys(caps).sort()).toEqual(['binance', 'bybit', 'coinbase', 'gemini', 'kraken', 'kucoin', 'okx']);
    expect(Object.values(claimCaps(100)).every((n) => n >= 1)).toBe(true);
  });
});

describe('requests during a Retry-After (KuCoin, the venue the session-6 bench caught)', () => {
  let double: ExchangeDouble;
  let adapter: ExchangeAdapter;
  const hot = (label: string) => {
    const c = sampleCredentials('kucoin', label);
    // Three requests a minute: the fourth, inside loadMarkets' burst of signed calls, is refused.
    double.addKey({ ...sampleKey('kucoin', c, 'read_only'), limit: { requests: 3, windowMs: 60_000, retryAfterSeconds: 5 } });
    return c;
  };
  const signedWith = (c: SampleCredentials, from = 0) => double.requests.slice(from).filter((r) => r.apiKeyHeader === c.apiKey);
  const guardFor = (gate: VenueGate, c: SampleCredentials) =>
    new PollGuard(gate, 'kucoin', keyIdOf(c.apiKey), limitsOf('kucoin'), 2000);

  beforeAll(async () => {
    // The bench's latency: answers arrive out of order, so a request ccxt fired alongside the
    // refused one reaches the venue after its 429 unless the adapter holds it back.
    double = await startExchangeDouble('kucoin', { latencyMs: [50, 150] });
    adapter = adapterFor('kucoin', { baseUrls: { kucoin: double.url }, enableRateLimit: false });
  });
  afterAll(async () => {
    await double?.close();
  });

  it('should send nothing more with a key after its 429, in that poll or the next, while another key still polls', async () => {
    const gate = memoryVenueGate();
    for (let i = 0; i < 4; i++) {
      const key = hot(`hot${i}`);
      const guard = guardFor(gate, key);
      const read = await adapter.poll(key, undefined, guard);
      expect(read.status).toBe('failed');
      expect(await guard.settled()).toMatchObject({ by: 'venue', keyLevel: true, waitMs: 5000 });
      await new Promise((r) => setTimeout(r, 400));
      const sent = signedWith(key);
      // The 429 is the last request that key sent: nothing queued behind it left.
      expect(sent.at(-1)?.status).toBe(429);
      expect(sent.filter((r) => r.status === 429)).toHaveLength(1);
      // A second poll of the key during its wait sends nothing at all.
      const before = double.requests.length;
      const second = guardFor(gate, key);
      expect((await adapter.poll(key, undefined, second)).status).not.toBe('ok');
      expect(await second.settled()).toMatchObject({ by: 'gate' });
      expect(signedWith(key, before)).toEqual([]);
    }
    expect(double.stats.sentDuringRetryAfter).toBe(0);
    // The 429s were about those keys: the venue stays open for another.
    const other = sampleCredentials('kucoin', 'other');
    double.addKey(sampleKey('kucoin', other, 'read_only'));
    expect((await adapter.poll(other, undefined, guardFor(gate, other))).status).toBe('ok');
  });

  it("should close the venue's gate for every key on an answer about our IP, and send nothing meanwhile", async () => {
    const gate = memoryVenueGate();
    const [a, b] = [sampleCredentials('kucoin', 'ip-a'), sampleCredentials('kucoin', 'ip-b')];
    double.addKey(sampleKey('kucoin', a, 'read_only'));
    double.addKey(sampleKey('kucoin', b, 'read_only'));
    double.limitIp({ requests: 2, windowMs: 60_000, retryAfterSeconds: 3 });
    try {
      const guard = guardFor(gate, a);
      expect((await adapter.poll(a, undefined, guard)).status).not.toBe('ok');
      expect(await guard.settled()).toMatchObject({ by: 'venue', keyLevel: false });
      expect(await gate.waitFor('kucoin')).toBeGreaterThan(1000);
      const before = double.requests.length;
      const other = guardFor(gate, b);
      expect((await adapter.poll(b, undefined, other)).status).not.toBe('ok');
      expect(await other.settled()).toMatchObject({ by: 'gate' });
      await new Promise((r) => setTimeout(r, 300));
      expect(double.requests.length).toBe(before);
      expect(double.stats.sentDuringRetryAfter).toBe(0);
    } finally {
      double.limitIp(undefined);
    }
  });
});

describe('the poller and scheduler with the limiter (Binance double, real PostgreSQL and Redis)', () => {
  let double: ExchangeDouble;
  let app: TestApp;
  let sql: pg.Client;
  let employeeToken: string;
  const count = async (where: string, params: unknown[]) =>
    Number((await sql.query(`SELECT count(*) FROM poll_runs WHERE ${where}`, params)).rows[0].count);
  const connect = async (key: { apiKey: string; secret: string }) => {
    const res = await app.gql<{ connectExchange: { connection: { id: string } } }>(
      CONNECT,
      { input: { venue: 'binance', ...key } },
      employeeToken,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.connectExchange.connection.id;
  };

  beforeAll(async () => {
    double = await startExchangeDouble('binance');
    app = await startTestApp({
      EXCHANGE_API_BASE_BINANCE: double.url,
      POLL_INTERVAL_SECONDS: '1',
      POLL_JITTER_SECONDS: '0',
      POLL_SCHEDULE_EVERY_SECONDS: '0.1',
    });
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
    const org = await createTestOrg(app, 'Limiter Trading');
    const admin = (await adminWithMfa(app, org)).token;
    employeeToken = (await onboardedEmployee(app, admin)).token;
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
    await double?.close();
  });

  it("should defer only the key the venue refused, record it, and keep polling the venue's other keys meanwhile", async () => {
    const [hotKey, coolKey] = [freshKey(), freshKey()];
    double.addKey({ ...hotKey, permissions: 'read_only' });
    double.addKey({ ...coolKey, permissions: 'read_only' });
    const hotId = await connect(hotKey);
    const coolId = await connect(coolKey);
    await expect.poll(() => count(`connection_id = $1 AND outcome = 'ok'`, [hotId]), { timeout: 15_000 }).toBeGreaterThan(0);
    // Binance's per-UID answer ("current limit of UID") for 6 s: the key's limit, not our IP's.
    double.throttle(hotKey.apiKey, 6);
    await expect
      .poll(() => count(`connection_id = $1 AND outcome = 'rate_limited'`, [hotId]), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1);
    const { rows } = await sql.query(`SELECT error FROM poll_runs WHERE connection_id = $1 AND outcome = 'rate_limited'`, [
      hotId,
    ]);
    expect(rows[0].error).toContain("this key's limit");
    const coolBefore = await count(`connection_id = $1 AND outcome = 'ok'`, [coolId]);
    // The other key polls every second while the hot one waits; the hot one is due at the gate's opening.
    await expect
      .poll(() => count(`connection_id = $1 AND outcome = 'ok'`, [coolId]), { timeout: 4_000 })
      .toBeGreaterThanOrEqual(coolBefore + 2);
    const due = (await sql.query('SELECT next_poll_at - now() AS left FROM exchange_connections WHERE id = $1', [hotId])).rows[0]
      .left as { seconds?: number; milliseconds?: number };
    expect((due.seconds ?? 0) * 1000 + (due.milliseconds ?? 0)).toBeGreaterThan(0);
    expect(double.stats.sentDuringRetryAfter).toBe(0);
    expect(double.requests.filter((r) => r.apiKeyHeader === hotKey.apiKey && r.status === 429)).toHaveLength(1);
    // Once the wait is over, it polls again.
    const hotOk = await count(`connection_id = $1 AND outcome = 'ok'`, [hotId]);
    await expect.poll(() => count(`connection_id = $1 AND outcome = 'ok'`, [hotId]), { timeout: 15_000 }).toBeGreaterThan(hotOk);
  });

  it("should claim at most a venue's cap per claim, oldest first, leaving the rest due", async () => {
    const keys = [freshKey(), freshKey(), freshKey()];
    for (const k of keys) double.addKey({ ...k, permissions: 'read_only' });
    const ids: string[] = [];
    for (const k of keys) ids.push(await connect(k));
    const cadence = pollCadence({ POLL_INTERVAL_SECONDS: 3600 });
    // In one transaction, so the running app's scheduler (SKIP LOCKED) cannot take these rows.
    const claim = (cap: number) =>
      inScopedTransaction(app.vigil.deps.orm, { role: 'vigil_system', source: 'test' }, async (em) => {
        await em.execute(`UPDATE exchange_connections SET next_poll_at = now() + interval '1 hour'`);
        await em.execute(`UPDATE exchange_connections SET next_poll_at = now() - interval '60 seconds' WHERE id IN (?, ?)`, [
          ids[0],
          ids[1],
        ]);
        await em.execute(`UPDATE exchange_connections SET next_poll_at = now() - interval '90 seconds' WHERE id = ?`, [ids[2]]);
        const claimed = (await claimDueConnections(em, cadence, { binance: cap, kraken: 0 })).map((c) => c.id);
        const left = await em.execute<{ id: string }[]>(`SELECT id FROM exchange_connections WHERE next_poll_at <= now()`);
        return { claimed, left: left.map((r) => r.id) };
      });
    const capped = await claim(2);
    expect(capped.claimed).toHaveLength(2);
    expect(capped.claimed).toContain(ids[2]);
    expect(capped.left).toHaveLength(1);
    expect(ids).toContain(capped.left[0]);
    const uncapped = await claim(10);
    expect(uncapped.claimed.sort()).toEqual([...ids].sort());
    expect(uncapped.left).toEqual([]);
  });

  it('should claim only the room the workers have, each venue in proportion to what it has due', async () => {
    const keys = [freshKey(), freshKey(), freshKey()];
    for (const k of keys) double.addKey({ ...k, permissions: 'read_only' });
    const ids: string[] = [];
    for (const k of keys) ids.push(await connect(k));
    const cadence = pollCadence({ POLL_INTERVAL_SECONDS: 3600 });
    const rolledBack = new Error('roll back');
    // 3 Binance and 6 Kraken connections due (Kraken rows are copies nobody polls: rolled back).
    const claim = async (room: number) => {
      let claimed: ClaimedConnection[] = [];
      await inScopedTransaction(app.vigil.deps.orm, { role: 'vigil_system', source: 'test' }, async (em) => {
        await em.execute(`UPDATE exchange_connections SET next_poll_at = now() + interval '1 hour'`);
        await em.execute(
          `UPDATE exchange_connections SET next_poll_at = now() - interval '60 seconds' WHERE id IN (?, ?, ?)`,
          ids,
        );
        await em.execute(
          `INSERT INTO exchange_connections (org_id, employee_id, venue, key_fingerprint, api_key_enc, secret_enc, status,
                                             scope_proof, scope_checked_at, next_poll_at)
           SELECT org_id, employee_id, 'kraken', 'copy-' || n, api_key_enc, secret_enc, 'active', scope_proof, scope_checked_at, NULL
             FROM exchange_connections, generate_series(1, 6) AS n WHERE id = ?`,
          [ids[0]],
        );
        claimed = await claimDueConnections(em, cadence, {}, room);
        throw rolledBack;
      }).catch((err: unknown) => {
        if (err !== rolledBack) throw err;
      });
      return claimed;
    };
    const three = await claim(3);
    expect(three.map((c) => c.venue).sort()).toEqual(['binance', 'kraken', 'kraken']);
    expect(ids).toContain(three.find((c) => c.venue === 'binance')!.id);
    const six = await claim(6);
    expect(six.filter((c) => c.venue === 'binance')).toHaveLength(2);
    expect(await claim(0)).toEqual([]);
    expect(await claim(-5)).toEqual([]);
  });
});
