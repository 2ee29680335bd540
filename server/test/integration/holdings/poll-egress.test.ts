import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '@/config/env';
import { DEFAULT_EGRESS, egressesOf, egressFor } from '@/modules/holdings/polling/egress-addresses';
import { pollConnectionJob } from '@/modules/holdings/polling/poll-jobs';
import type { VenueGate } from '@/modules/holdings/polling/venue-gate';
import { claimCaps, limitsOf, type VenueLimits } from '@/modules/holdings/polling/venue-limits';
import { venueGateKit } from '../../helpers/venue-gate-kit';
import { startExchangeDouble, type ExchangeDouble } from '../../doubles/exchanges/exchange-double';
import { CONNECT, freshKey, onboardedEmployee } from '../../helpers/holdings-kit';
import { adminWithMfa, createTestOrg, startTestApp, type TestApp } from '../../helpers/test-app';

// Several egress addresses (POLL_EGRESS_ADDRESSES): each connection's requests leave from one of
// them, always the same, and a venue's per-IP budget and "slow down" answers are each address's
// own. Linux routes all of 127/8 to loopback, so 127.0.0.2 needs no setup.

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADDRESSES = ['127.0.0.1', '127.0.0.2'] as const;

describe('POLL_EGRESS_ADDRESSES in the configuration', () => {
  it('should default to no address: one egress, named default, whose address the OS chooses', () => {
    expect(parseEnv({}).POLL_EGRESS_ADDRESSES).toEqual([]);
    expect(egressesOf([])).toEqual([DEFAULT_EGRESS]);
    expect(DEFAULT_EGRESS).toEqual({ name: 'default' });
  });

  it('should read IPv4 and IPv6 addresses, trimmed', () => {
    expect(parseEnv({ POLL_EGRESS_ADDRESSES: ' 127.0.0.1, ::1 ,10.0.0.7' }).POLL_EGRESS_ADDRESSES).toEqual([
      '127.0.0.1',
      '::1',
      '10.0.0.7',
    ]);
  });

  it.each([
    ['not-an-ip', '127.0.0.1,not-an-ip', /POLL_EGRESS_ADDRESSES: "not-an-ip" is not an IP address/],
    ['a duplicate', '127.0.0.1,127.0.0.2,127.0.0.1', /POLL_EGRESS_ADDRESSES: 127\.0\.0\.1 is listed twice/],
    ['65 addresses', Array.from({ length: 65 }, (_, i) => `10.0.0.${i + 1}`).join(','), /65 addresses listed, at most 64/],
  ])('should refuse %s with a message that says what is wrong', (_what, value, message) => {
    expect(() => parseEnv({ POLL_EGRESS_ADDRESSES: value })).toThrow(ConfigError);
    expect(() => parseEnv({ POLL_EGRESS_ADDRESSES: value })).toThrow(message);
  });

  it('should give each connection one egress, always the same, and use every address', () => {
    const egresses = egressesOf([...ADDRESSES]);
    const ids = Array.from({ length: 200 }, () => crypto.randomUUID());
    for (const id of ids) expect(egressFor(egresses, id)).toBe(egressFor(egresses, id));
    const used = ids.map((id) => egressFor(egresses, id).localAddress);
    expect(new Set(used)).toEqual(new Set(ADDRESSES));
    expect(egressFor(egressesOf([]), ids[0] ?? '')).toBe(DEFAULT_EGRESS);
  });

  it("should let the scheduler claim each address's budget: N addresses, N times the claim", () => {
    expect(claimCaps(10_000, 1)).toEqual(claimCaps(10_000));
    // Binance: 2 × 80 weight/s over a 10 s tick, ~63 per poll (one address: 12).
    expect(claimCaps(10_000, 2).binance).toBe(25);
    for (const [venue, cap] of Object.entries(claimCaps(10_000, 3))) {
      expect(cap).toBeGreaterThanOrEqual(3 * (claimCaps(10_000)[venue] ?? 0));
    }
  });
});

/** A budget of 2 requests (then 1 per 10 s) per egress, and a roomy one per key. */
const tiny: VenueLimits = { ...limitsOf('binance'), egress: { perSecond: 0.1, burst: 2 }, key: { perSecond: 100, burst: 100 } };
const admitNow = (gate: VenueGate, key: string, egress?: string) =>
  gate.admit({ venue: 'binance', key, egressCost: 1, keyCost: 1, maxWaitMs: 0, ...(egress ? { egress } : {}) });

describe('the venue gate and budget per egress address', () => {
  const kit = venueGateKit('egress', () => tiny);
  const { kinds } = kit;
  const redis = () => kit.redis();

  describe.each(kinds)('%s', (_kind, make) => {
    it('should give every address a budget of its own: two addresses admit twice what one does', async () => {
      const admitted = async (gate: VenueGate, egresses: string[]) => {
        let n = 0;
        for (let i = 0; i < 6; i++) if ((await admitNow(gate, `k${i}`, egresses[i % egresses.length])).go) n += 1;
        return n;
      };
      expect(await admitted(make(), ['127.0.0.1'])).toBe(2);
      expect(await admitted(make(), [...ADDRESSES])).toBe(4);
      // The default egress is the one a deployment without addresses has: its budget, not another's.
      const gate = make();
      expect(await admitted(gate, ['default'])).toBe(2);
      expect((await admitNow(gate, 'k')).go).toBe(false);
    });

    it("should close the venue's gate for one address only, and a key's gate from every address", async () => {
      const gate = make();
      await gate.close('binance', 1500, undefined, '127.0.0.2');
      expect(await gate.waitFor('binance', undefined, '127.0.0.2')).toBeGreaterThan(1000);
      expect(await gate.waitFor('binance', 'k', '127.0.0.1')).toBe(0);
      expect(await gate.waitFor('binance')).toBe(0);
      expect(await admitNow(gate, 'k', '127.0.0.2')).toMatchObject({ go: false, reason: 'gate' });
      expect((await admitNow(gate, 'k', '127.0.0.1')).go).toBe(true);
      await gate.close('binance', 1500, 'hot', '127.0.0.1');
      expect(await gate.waitFor('binance', 'hot', '127.0.0.1')).toBeGreaterThan(1000);
      expect(await gate.waitFor('binance', 'hot')).toBeGreaterThan(1000);
      expect(await gate.waitFor('binance', undefined, '127.0.0.1')).toBe(0);
    });
  });

  it('should keep the Redis names of a deployment with one egress, and name each configured address', async () => {
    const prefix = kit.freshPrefix();
    const gate = kit.redisGate(prefix);
    await admitNow(gate, 'k');
    await gate.close('binance', 1000);
    await gate.close('binance', 1000, 'k');
    const names = async () => (await redis().keys(`${prefix}*`)).map((k) => k.slice(prefix.length)).sort();
    expect(await names()).toEqual([
      'binance',
      'binance:key:k',
      'binance:key:k:strikes',
      'binance:strikes',
      'bucket:binance',
      'bucket:binance:key:k',
    ]);
    // The default egress named explicitly is the same one.
    expect(await gate.waitFor('binance', undefined, 'default')).toBeGreaterThan(0);
    await admitNow(gate, 'k2', '127.0.0.2');
    await gate.close('binance', 1000, undefined, '127.0.0.2');
    expect((await names()).filter((n) => n.includes('@'))).toEqual([
      'binance@127.0.0.2',
      'binance@127.0.0.2:strikes',
      'bucket:binance@127.0.0.2',
    ]);
  });
});

describe('polls from two egress addresses (Binance double, real PostgreSQL and Redis)', () => {
  let double: ExchangeDouble;
  let app: TestApp;
  let sql: pg.Client;
  let redis: Redis;
  /** Connection id → its API key and the address it must leave from. */
  const connections = new Map<string, { apiKey: string; address: string }>();
  let onboarded = 0;
  let employeeToken = '';
  const egresses = egressesOf([...ADDRESSES]);
  const on = (address: string) => [...connections].filter(([, c]) => c.address === address).map(([id]) => id);
  const lastRun = async (id: string) =>
    (await sql.query('SELECT outcome, error FROM poll_runs WHERE connection_id = $1 ORDER BY id DESC LIMIT 1', [id])).rows[0] as
      { outcome: string; error: string | null } | undefined;
  const runs = async (id: string) =>
    Number((await sql.query('SELECT count(*) FROM poll_runs WHERE connection_id = $1', [id])).rows[0].count);
  /** One poll through the app's own job handler (its config, egresses and Redis gate); its outcome. */
  const pollOnce = async (id: string) => {
    const before = await runs(id);
    await app.vigil.deps.jobs!.enqueue(pollConnectionJob, { connectionId: id });
    await expect.poll(() => runs(id), { timeout: 15_000, interval: 50 }).toBeGreaterThan(before);
    return (await lastRun(id))!;
  };
  const fromAddress = (address: string, since: number) =>
    double.requests.filter((r) => r.remoteAddress === address && r.at >= since);
  const connect = async () => {
    const key = freshKey();
    double.addKey({ ...key, permissions: 'read_only' });
    const res = await app.gql<{ connectExchange: { connection: { id: string } } }>(
      CONNECT,
      { input: { venue: 'binance', ...key } },
      employeeToken,
    );
    expect(res.errors).toBeUndefined();
    const id = res.data!.connectExchange.connection.id;
    await sql.query(`UPDATE exchange_connections SET next_poll_at = now() + interval '1 hour' WHERE id = $1`, [id]);
    return { id, apiKey: key.apiKey, address: egressFor(egresses, id).localAddress ?? '' };
  };

  beforeAll(async () => {
    double = await startExchangeDouble('binance');
    // The scheduler claims nothing while the test runs (hourly): every poll is one the test asks for.
    app = await startTestApp({
      EXCHANGE_API_BASE_BINANCE: double.url,
      POLL_EGRESS_ADDRESSES: ADDRESSES.join(','),
      POLL_INTERVAL_SECONDS: '3600',
      POLL_SCHEDULE_EVERY_SECONDS: '3600',
    });
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
    redis = new Redis(REDIS_URL);
    const org = await createTestOrg(app, 'Egress Trading');
    const admin = (await adminWithMfa(app, org)).token;
    employeeToken = (await onboardedEmployee(app, admin)).token;
    // Connections until each address has two (the spread is a hash of the id).
    while (ADDRESSES.some((a) => on(a).length < 2)) {
      const { id, ...c } = await connect();
      connections.set(id, c);
    }
    // Onboarding's own requests (ccxt's throttle, the OS's address) are not the poller's.
    onboarded = double.requests.length;
  });
  afterAll(async () => {
    redis?.disconnect();
    await sql?.end();
    await app?.stop();
    await double?.close();
  });

  it('should reach the venue from both addresses, each connection always from its own', async () => {
    for (let round = 0; round < 2; round++) {
      for (const id of connections.keys()) expect((await pollOnce(id)).outcome).toBe('ok');
    }
    const polled = double.requests.slice(onboarded);
    expect(new Set(polled.map((r) => r.remoteAddress))).toEqual(new Set(ADDRESSES));
    for (const { apiKey, address } of connections.values()) {
      const sent = polled.filter((r) => r.apiKeyHeader === apiKey);
      expect(sent.length).toBeGreaterThan(2);
      expect(new Set(sent.map((r) => r.remoteAddress))).toEqual(new Set([address]));
    }
  });

  it('should hold back only the address a venue refused: the other polls at once, nothing leaves from it meanwhile', async () => {
    const [onFirst, onSecond] = [on('127.0.0.1')[0]!, on('127.0.0.2')[0]!];
    const prefix = `${app.vigil.deps.env.REDIS_KEY_PREFIX}holdings:venue-gate:`;
    // The venue's per-IP limit, met by a poll from 127.0.0.2: a 429 with Retry-After 3 s.
    double.limitIp({ requests: 2, windowMs: 60_000, retryAfterSeconds: 3 });
    const refused = await pollOnce(onSecond);
    double.limitIp(undefined); // from here on, only our gate holds 127.0.0.2 back
    expect(refused.outcome).toBe('rate_limited');
    expect(refused.error).toContain("the venue's limit for our IP 127.0.0.2");
    const answer = double.requests.filter((r) => r.remoteAddress === '127.0.0.2' && r.status === 429).at(-1);
    expect(answer).toBeDefined();
    const refusedAt = answer!.at;
    expect(await redis.pttl(`${prefix}binance@127.0.0.2`)).toBeGreaterThan(1000);
    expect(await redis.exists(`${prefix}binance@127.0.0.1`, `${prefix}binance`)).toBe(0);

    // 127.0.0.1 polls at once; 127.0.0.2 is deferred, recorded, and sends nothing.
    expect((await pollOnce(onFirst)).outcome).toBe('ok');
    for (const id of on('127.0.0.2')) {
      const deferred = await pollOnce(id);
      expect(deferred.outcome).toBe('rate_limited');
      expect(deferred.error).toMatch(/The venue asked us to wait \d+ s/);
    }
    expect(fromAddress('127.0.0.2', refusedAt + 1)).toEqual([]);
    expect(fromAddress('127.0.0.1', refusedAt).filter((r) => r.status === 200).length).toBeGreaterThan(0);

    // Once the wait is over, 127.0.0.2 polls again.
    await expect.poll(() => redis.pttl(`${prefix}binance@127.0.0.2`), { timeout: 5_000, interval: 100 }).toBeLessThan(0);
    expect(fromAddress('127.0.0.2', refusedAt + 1)).toEqual([]);
    expect((await pollOnce(onSecond)).outcome).toBe('ok');
  });

  it("should confirm an auth failure from the connection's own address (another may be on no allow-list)", async () => {
    let revoked = await connect();
    while (revoked.address !== '127.0.0.2') revoked = await connect();
    const from = double.requests.length;
    // Revoked at its first signed request: the poll's scope check fails, and the confirmation too.
    double.revokeAfter(revoked.apiKey, 0);
    expect((await pollOnce(revoked.id)).outcome).toBe('auth_failed');
    const sent = double.requests.slice(from).filter((r) => r.apiKeyHeader === revoked.apiKey);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent.map((r) => r.remoteAddress))).toEqual(new Set(['127.0.0.2']));
  });
});
