import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopePreamble } from '@/lib/db/db-scope';
import { codeOf } from '../../helpers/test-app';
import {
  ACKNOWLEDGE,
  ALERT,
  ALERTS,
  alertState,
  auditOf,
  raiseBroken,
  RESOLVE,
  startAlertsWorld,
  type AlertsWorld,
  type RoleTokens,
} from './alerts-kit';

const RULES = '{ alertRules { kind severity subjectType summary } }';

describe('who may read and work alerts', () => {
  let w: AlertsWorld;
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    w = await startAlertsWorld();
    mine = await raiseBroken(w);
    theirs = await raiseBroken(w, w.other.orgId);
  });
  afterAll(async () => {
    await w?.stop();
  });

  const readAll = async (token: string) => ({
    list: await w.app.gql<{ alerts: { nodes: { id: string }[] } }>(ALERTS, {}, token),
    one: await w.app.gql(ALERT, { id: mine }, token),
    rules: await w.app.gql(RULES, {}, token),
  });

  it.each(['admin', 'compliance', 'viewer'] as const)('should let %s read the queue, an alert and the rules', async (role) => {
    const { list, one, rules } = await readAll(w.tokens[role]);
    expect(list.errors).toBeUndefined();
    expect(list.data!.alerts.nodes.map((n) => n.id)).toEqual([mine]);
    expect(one.errors).toBeUndefined();
    expect(rules.errors).toBeUndefined();
  });

  it.each(['employee', 'nobody'] as const)('should answer FORBIDDEN to every alerts field when the role is %s', async (role) => {
    const { list, one, rules } = await readAll(w.tokens[role]);
    for (const res of [list, one, rules]) {
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
  });

  it.each(['admin', 'viewer', 'employee', 'nobody'] as const satisfies readonly (keyof RoleTokens)[])(
    'should answer FORBIDDEN and change nothing when %s acknowledges or resolves',
    async (role) => {
      const before = await alertState(w, mine);
      expect(codeOf(await w.app.gql(ACKNOWLEDGE, { id: mine }, w.tokens[role]))).toBe('FORBIDDEN');
      expect(codeOf(await w.app.gql(RESOLVE, { id: mine, note: 'not mine to close' }, w.tokens[role]))).toBe('FORBIDDEN');
      expect(await alertState(w, mine)).toEqual(before);
      const denied = (await auditOf(w, mine)).filter((e) => e.actor_id === w.userIds[role] && e.action.startsWith('mutation.'));
      expect(denied.map((e) => [e.action, e.outcome])).toEqual([
        ['mutation.acknowledgeAlert', 'denied'],
        ['mutation.resolveAlert', 'denied'],
      ]);
    },
  );

  it('should answer UNAUTHENTICATED without a token', async () => {
    expect(codeOf(await w.app.gql(ALERTS, {}))).toBe('UNAUTHENTICATED');
    expect(codeOf(await w.app.gql(ACKNOWLEDGE, { id: mine }))).toBe('UNAUTHENTICATED');
  });

  it("should answer NOT_FOUND and leave it untouched when another org's alert is read or worked", async () => {
    const before = await alertState(w, theirs);
    expect(codeOf(await w.app.gql(ALERT, { id: theirs }, w.tokens.compliance))).toBe('NOT_FOUND');
    expect(codeOf(await w.app.gql(ACKNOWLEDGE, { id: theirs }, w.tokens.compliance))).toBe('NOT_FOUND');
    expect(codeOf(await w.app.gql(RESOLVE, { id: theirs, note: 'closing yours' }, w.tokens.compliance))).toBe('NOT_FOUND');
    // The same answer as an id that names nothing.
    expect(codeOf(await w.app.gql(ACKNOWLEDGE, { id: randomUUID() }, w.tokens.compliance))).toBe('NOT_FOUND');
    expect(await alertState(w, theirs)).toEqual(before);
    const list = await w.app.gql<{ alerts: { nodes: { id: string }[] } }>(ALERTS, {}, w.tokens.compliance);
    expect(list.data!.alerts.nodes.map((n) => n.id)).not.toContain(theirs);
    // Their own Compliance works it.
    const ack = await w.app.gql(ACKNOWLEDGE, { id: theirs }, w.otherCompliance);
    expect(ack.errors).toBeUndefined();
  });

  describe('row-level security, by direct SQL as the request role', () => {
    let client: pg.Client;
    const scope = (orgId: string, permissions: string[]) =>
      scopePreamble({ role: 'vigil_user', actorType: 'user', orgId, actorId: randomUUID(), roleId: null, permissions });

    beforeAll(async () => {
      client = new pg.Client({ connectionString: w.app.db.appUrl });
      await client.connect();
    });
    afterAll(async () => {
      await client?.end();
    });

    const asUser = async <T>(preamble: string, fn: () => Promise<T>): Promise<T> => {
      await client.query('BEGIN');
      try {
        await client.query(preamble);
        return await fn();
      } finally {
        await client.query('ROLLBACK');
      }
    };

    it("should show another org's settings none of this org's alerts or events, even with every alerts permission", async () => {
      const rows = await asUser(scope(w.other.orgId, ['alerts:read', 'alerts:write']), async () => ({
        alerts: (await client.query('SELECT id FROM alerts WHERE org_id = $1', [w.org.orgId])).rows,
        events: (await client.query('SELECT id FROM alert_events WHERE org_id = $1', [w.org.orgId])).rows,
        updated: (await client.query(`UPDATE alerts SET status = 'acknowledged', acknowledged_at = now() WHERE id = $1`, [mine]))
          .rowCount,
      }));
      expect(rows).toEqual({ alerts: [], events: [], updated: 0 });
    });

    it('should show nothing to the own org without an alerts permission, and nothing with no settings at all', async () => {
      const none = await asUser(scope(w.org.orgId, ['connections:read', 'connections:write']), async () =>
        (await client.query('SELECT id FROM alerts')).rows.concat((await client.query('SELECT id FROM alert_events')).rows),
      );
      expect(none).toEqual([]);
      const bare = await asUser('SET LOCAL ROLE vigil_user', async () => (await client.query('SELECT id FROM alerts')).rows);
      expect(bare).toEqual([]);
      const seen = await asUser(
        scope(w.org.orgId, ['alerts:read']),
        async () => (await client.query('SELECT id FROM alerts')).rows,
      );
      expect(seen.map((r: { id: string }) => r.id)).toEqual([mine]);
    });

    it('should refuse a request inserting or deleting alerts directly, or writing an event in another name', async () => {
      const s = scope(w.org.orgId, ['alerts:read', 'alerts:write']);
      await expect(
        asUser(s, () =>
          client.query(
            `INSERT INTO alerts (org_id, kind, severity, subject_type, subject_id, subject_label, title, idempotency_key)
             VALUES ($1, 'connection_broken', 'low', 'connection', gen_random_uuid(), 'x', 'x', 'k')`,
            [w.org.orgId],
          ),
        ),
      ).rejects.toMatchObject({ code: '42501' });
      await expect(asUser(s, () => client.query('DELETE FROM alerts WHERE id = $1', [mine]))).rejects.toMatchObject({
        code: '42501',
      });
      await expect(
        asUser(s, () =>
          client.query(
            `INSERT INTO alert_events (org_id, alert_id, status, actor_type, actor_id, actor_label)
             VALUES ($1, $2, 'resolved', 'user', gen_random_uuid(), 'someone else')`,
            [w.org.orgId, mine],
          ),
        ),
      ).rejects.toMatchObject({ code: '42501' });
    });
  });
});
