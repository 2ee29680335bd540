import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '../../helpers/test-app';
import { ACKNOWLEDGE, ALERTS, raise, raiseBroken, RESOLVE, startAlertsWorld, type AlertsWorld } from './alerts-kit';
import { randomUUID } from 'node:crypto';

type Page = {
  alerts: {
    nodes: { id: string; status: string; severity: string; kind: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe('the alert queue: paging and filters', () => {
  let w: AlertsWorld;
  const ids: string[] = [];

  beforeAll(async () => {
    w = await startAlertsWorld();
    // Seven alerts, oldest first: three open high, two acknowledged, one resolved, one low expiry.
    for (let i = 0; i < 6; i++) ids.push(await raiseBroken(w));
    ids.push(
      (
        await raise(w, {
          orgId: w.org.orgId,
          kind: 'key_expiring',
          subject: { type: 'connection', id: randomUUID(), label: 'Bybit · main' },
          idempotencyKey: `key_expiring:${randomUUID()}`,
          details: { venue: 'Bybit', expiresAt: '2027-01-01T00:00:00.000Z' },
        })
      ).id,
    );
    await w.app.gql(ACKNOWLEDGE, { id: ids[3] }, w.tokens.compliance);
    await w.app.gql(ACKNOWLEDGE, { id: ids[4] }, w.tokens.compliance);
    await w.app.gql(RESOLVE, { id: ids[5], note: 'done' }, w.tokens.compliance);
    await raiseBroken(w, w.other.orgId);
  });
  afterAll(async () => {
    await w?.stop();
  });

  const page = (vars: Record<string, unknown>, token = w.tokens.viewer) => w.app.gql<Page>(ALERTS, vars, token);

  it('should walk every alert of the org once, newest first, in pages', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 10; n++) {
      const res: Awaited<ReturnType<typeof page>> = await page({ first: 3, after });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data!.alerts.nodes.map((a) => a.id));
      if (!res.data!.alerts.pageInfo.hasNextPage) break;
      after = res.data!.alerts.pageInfo.endCursor;
    }
    // Newest first; alerts opened in the same millisecond follow their ids, as the cursor does.
    const { rows } = await w.sql.query<{ id: string }>(
      'SELECT id FROM alerts WHERE org_id = $1 ORDER BY opened_at DESC, id DESC',
      [w.org.orgId],
    );
    expect(seen).toEqual(rows.map((r) => r.id));
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('should filter by any of several statuses, by severity and by kind', async () => {
    const ofFilter = async (filter: Record<string, unknown>) =>
      (await page({ filter })).data!.alerts.nodes.map((a) => a.id).sort();
    expect(await ofFilter({ status: ['OPEN'] })).toEqual([ids[0], ids[1], ids[2], ids[6]].sort());
    expect(await ofFilter({ status: ['OPEN', 'ACKNOWLEDGED'] })).toEqual([ids[0], ids[1], ids[2], ids[3], ids[4], ids[6]].sort());
    expect(await ofFilter({ status: ['RESOLVED'] })).toEqual([ids[5]]);
    expect(await ofFilter({ severity: ['LOW'] })).toEqual([ids[6]]);
    expect(await ofFilter({ kind: ['key_expiring'] })).toEqual([ids[6]]);
    expect(await ofFilter({ kind: ['connection_broken'], status: ['ACKNOWLEDGED'], severity: ['HIGH'] })).toEqual(
      [ids[3], ids[4]].sort(),
    );
    expect(await ofFilter({ severity: ['CRITICAL'] })).toEqual([]);
  });

  it('should answer BAD_USER_INPUT to an unknown kind, a forged cursor or a page size out of range', async () => {
    const forged = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    for (const vars of [
      { filter: { kind: ['restricted_trade'] } },
      { filter: { kind: ['x'.repeat(65)] } },
      { after: forged(['not a time', randomUUID()]) },
      { after: forged(['2026-01-01T00:00:00.000Z', 'not-a-uuid']) },
      { after: forged(['9999-99-99T99:99:99.999Z', randomUUID()]) },
      { after: forged([1, 2]) },
      { first: 0 },
      { first: 201 },
    ]) {
      const res = await page(vars);
      expect(codeOf(res), JSON.stringify(vars)).toBe('BAD_USER_INPUT');
      expect(res.status).toBeLessThan(500);
    }
  });
});
