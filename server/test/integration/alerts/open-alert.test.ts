import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScopedTransaction } from '@/lib/db/request-db';
import { openAlert, type OpenAlertInput } from '@/modules/alerts';
import { auditOf, brokenConnection, raise, startAlertsWorld, type AlertsWorld } from './alerts-kit';

describe('openAlert: raising alerts from another module', () => {
  let w: AlertsWorld;

  beforeAll(async () => {
    w = await startAlertsWorld();
  });
  afterAll(async () => {
    await w?.stop();
  });

  const count = async (table: 'alerts' | 'alert_events', key: string) =>
    Number(
      (
        await w.sql.query(
          table === 'alerts'
            ? 'SELECT count(*) AS n FROM alerts WHERE idempotency_key = $1'
            : 'SELECT count(*) AS n FROM alert_events e JOIN alerts a ON a.id = e.alert_id WHERE a.idempotency_key = $1',
          [key],
        )
      ).rows[0].n,
    );

  it('should make one alert, one event and one audit entry when the same key is raised 100 times at once', async () => {
    const input = brokenConnection(w.org.orgId);
    const results = await Promise.all(Array.from({ length: 100 }, () => raise(w, input)));
    const ids = new Set(results.map((r) => r.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await count('alerts', input.idempotencyKey)).toBe(1);
    expect(await count('alert_events', input.idempotencyKey)).toBe(1);
    const audit = await auditOf(w, [...ids][0]!);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'alerts.opened',
      outcome: 'allowed',
      actor_type: 'system',
      system_source: 'holdings.poll',
    });
    expect(audit[0]!.details).toMatchObject({
      kind: 'connection_broken',
      severity: 'high',
      idempotencyKey: input.idempotencyKey,
    });
  });

  it('should render the title from the rule, keep the details and take a severity the raiser gives', async () => {
    const input: OpenAlertInput<'scope_widened'> = {
      orgId: w.org.orgId,
      kind: 'scope_widened',
      severity: 'high',
      subject: { type: 'connection', id: randomUUID(), label: 'OKX · trading desk' },
      employeeId: randomUUID(),
      idempotencyKey: `scope_widened:${randomUUID()}`,
      details: { venue: 'OKX', permissions: ['trade'] },
    };
    const { id } = await raise(w, input);
    const { rows } = await w.sql.query('SELECT * FROM alerts WHERE id = $1', [id]);
    expect(rows[0]).toMatchObject({
      kind: 'scope_widened',
      severity: 'high',
      status: 'open',
      title: 'Key scope widened: OKX · trading desk',
      subject_label: 'OKX · trading desk',
      employee_id: input.employeeId,
      details: { venue: 'OKX', permissions: ['trade'] },
    });
    expect(rows[0].description).toContain('trade');
  });

  it("should raise in a request's own org without any alerts permission, and refuse another org", async () => {
    const deps = w.app.vigil.deps;
    const employeeScope = {
      role: 'vigil_user' as const,
      actorType: 'user' as const,
      orgId: w.org.orgId,
      actorId: w.userIds.employee,
      roleId: w.org.roles.Employee.id,
      permissions: ['connections:read', 'connections:write'],
    };
    const raiseAs = (input: OpenAlertInput<'scope_unverified'>) =>
      inScopedTransaction(deps.requestOrm, employeeScope, (em) =>
        openAlert(em, input, { source: 'holdings.onboarding', signer: deps.auditMac }),
      );
    const unverified = (orgId: string): OpenAlertInput<'scope_unverified'> => ({
      orgId,
      kind: 'scope_unverified',
      subject: { type: 'connection', id: randomUUID(), label: 'NewVenue · main' },
      idempotencyKey: `scope_unverified:${randomUUID()}`,
      details: { venue: 'NewVenue' },
    });
    const own = unverified(w.org.orgId);
    const first = await raiseAs(own);
    expect(first.created).toBe(true);
    expect(await raiseAs(own)).toEqual({ id: first.id, created: false });
    expect(await auditOf(w, first.id)).toMatchObject([
      { action: 'alerts.opened', actor_type: 'system', system_source: 'holdings.onboarding' },
    ]);
    const foreign = unverified(w.other.orgId);
    await expect(raiseAs(foreign)).rejects.toMatchObject({ code: '42501' });
    expect(await count('alerts', foreign.idempotencyKey)).toBe(0);
  });

  it('should leave nothing, alert or audit entry, when the raising transaction rolls back', async () => {
    const input = brokenConnection(w.org.orgId);
    const deps = w.app.vigil.deps;
    let raisedId = '';
    await expect(
      inScopedTransaction(deps.orm, { role: 'vigil_system', source: 'holdings.poll' }, async (em) => {
        raisedId = (await openAlert(em, input, { source: 'holdings.poll', signer: deps.auditMac })).id;
        throw new Error('the poll failed after raising');
      }),
    ).rejects.toThrow('the poll failed');
    expect(await count('alerts', input.idempotencyKey)).toBe(0);
    expect(await auditOf(w, raisedId)).toEqual([]);
    // The key was never spent: raising it again creates the alert.
    expect((await raise(w, input)).created).toBe(true);
  });

  it('should throw and write nothing when a raiser gives details its rule does not accept, or an unknown kind', async () => {
    const bad = brokenConnection(w.org.orgId, { details: { venue: '' } });
    await expect(raise(w, bad)).rejects.toThrow();
    expect(await count('alerts', bad.idempotencyKey)).toBe(0);
    const unknown = {
      ...brokenConnection(w.org.orgId),
      kind: 'restricted_trade',
    } as unknown as OpenAlertInput<'connection_broken'>;
    await expect(raise(w, unknown)).rejects.toThrow(/no alert rule/);
    const nul = brokenConnection(w.org.orgId, { idempotencyKey: 'a\u0000b' });
    await expect(raise(w, nul)).rejects.toThrow();
  });

  it('should keep the key spent after the alert is resolved: raising it again returns the resolved alert', async () => {
    const input = brokenConnection(w.org.orgId);
    const { id } = await raise(w, input);
    const res = await w.app.gql(
      'mutation($id: ID!) { resolveAlert(id: $id, note: "Key rotated") { status } }',
      { id },
      w.tokens.compliance,
    );
    expect(res.errors).toBeUndefined();
    expect(await raise(w, input)).toEqual({ id, created: false });
    const { rows } = await w.sql.query('SELECT status FROM alerts WHERE id = $1', [id]);
    expect(rows[0].status).toBe('resolved');
  });
});
