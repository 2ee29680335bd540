import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { SecretBox } from '@vigil/server/lib/crypto/secret-box';
import { sealedBinding } from '@vigil/server/modules/holdings/connections/connection-secrets';
import { fingerprintOf } from '@vigil/server/modules/holdings/connections/connection-onboarding';
import { adapterFor } from '@vigil/server/modules/holdings/exchanges/exchange-venues';
import type { ExchangeDouble } from '../../../server/test/doubles/exchanges/exchange-double';
import type { DoubleVenue } from '../../../server/test/doubles/exchanges/dialects';
import { sampleCredentials, sampleKey } from '../../../server/test/doubles/exchanges/sample-accounts';

// Seeds the poll-cycle bench: employees and exchange connections inserted directly as the
// superuser (10,000 onboardings through the API would take the bench's whole budget), but
// sealed exactly as connectExchange seals them (the app's SecretBox and key ring, the row
// binding of connection-secrets.ts), and each key registered at its venue's double with a
// read-only scope, balances, one trade, one deposit and one withdrawal (sample-accounts.ts).

export type SeedPlan = {
  orgId: string;
  connections: number;
  connectionsPerEmployee: number;
  venues: readonly DoubleVenue[];
  doubles: ReadonlyMap<DoubleVenue, ExchangeDouble>;
  /** A venue's ordinary per-key limit (generous: one poll never reaches it). */
  keyLimit: { requests: number; windowMs: number; retryAfterSeconds: number };
  /** Keys per venue that share their quota with another tool: a poll of one meets the venue's 429. */
  hotKeysPerVenue: number;
  hotKeyLimit: { requests: number; windowMs: number; retryAfterSeconds: number };
};

export type SeededConnection = { id: string; venue: DoubleVenue; apiKey: string; hot: boolean };

const ROWS_PER_INSERT = 1000;

export async function seedConnections(adminUrl: string, secrets: SecretBox, plan: SeedPlan): Promise<SeededConnection[]> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const employees = Math.ceil(plan.connections / plan.connectionsPerEmployee);
    const employeeIds = Array.from({ length: employees }, () => randomUUID());
    for (let i = 0; i < employees; i += ROWS_PER_INSERT) {
      const slice = employeeIds.slice(i, i + ROWS_PER_INSERT);
      await c.query(
        `INSERT INTO employees (id, org_id, name, email, department, status)
         SELECT id, $1, 'Trader ' || ($3::int + n), 'trader-' || ($3::int + n) || '@example.test', 'Desk ' || (n % 7), 'active'
           FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n)`,
        [plan.orgId, slice, i],
      );
    }
    const seeded: SeededConnection[] = [];
    const needsPassphrase = new Map(plan.venues.map((v) => [v, adapterFor(v).needsPassphrase]));
    const hotLeft = new Map(plan.venues.map((v) => [v, plan.hotKeysPerVenue]));
    let rows: unknown[][] = [];
    const flush = async () => {
      if (rows.length === 0) return;
      const cols = rows[0]!.length;
      const values = rows.map((_, r) => `(${Array.from({ length: cols }, (_, k) => `$${r * cols + k + 1}`).join(', ')})`);
      await c.query(
        `INSERT INTO exchange_connections (id, org_id, employee_id, venue, label, key_fingerprint, api_key_enc, secret_enc,
                                           passphrase_enc, status, scope_proof, scope_checked_at, next_poll_at)
         VALUES ${values.join(', ')}`,
        rows.flat(),
      );
      rows = [];
    };
    const proof = JSON.stringify({
      verdict: 'read_only',
      venueAnswer: {},
      offending: [],
      checkedAt: new Date().toISOString(),
      expiresAt: null,
    });
    for (let i = 0; i < plan.connections; i++) {
      const venue = plan.venues[i % plan.venues.length]!;
      const id = randomUUID();
      const credentials = sampleCredentials(venue, `b${i}`);
      const hot = (hotLeft.get(venue) ?? 0) > 0;
      if (hot) hotLeft.set(venue, hotLeft.get(venue)! - 1);
      plan.doubles
        .get(venue)!
        .addKey({ ...sampleKey(venue, credentials, 'read_only'), limit: hot ? plan.hotKeyLimit : plan.keyLimit });
      const seal = sealedBinding(id, plan.orgId);
      rows.push([
        id,
        plan.orgId,
        employeeIds[Math.floor(i / plan.connectionsPerEmployee)],
        venue,
        hot ? 'hot key' : '',
        fingerprintOf(credentials.apiKey),
        secrets.encrypt(credentials.apiKey, seal('api_key_enc')),
        secrets.encrypt(credentials.secret, seal('secret_enc')),
        // A passphrase only where the venue has one, as connectExchange stores it.
        needsPassphrase.get(venue) ? secrets.encrypt(credentials.passphrase, seal('passphrase_enc')) : null,
        'active',
        proof,
        new Date(),
        // Due now: the first scheduler tick claims them (2,000 per tick).
        new Date(Date.now() - 1000),
      ]);
      seeded.push({ id, venue, apiKey: credentials.apiKey, hot });
      if (rows.length * 13 >= 60_000 || rows.length >= ROWS_PER_INSERT / 2) await flush();
    }
    await flush();
    await c.query('ANALYZE employees; ANALYZE exchange_connections');
    return seeded;
  } finally {
    await c.end();
  }
}
