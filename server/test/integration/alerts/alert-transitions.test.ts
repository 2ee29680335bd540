import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '../../helpers/test-app';
import { ACKNOWLEDGE, ALERT, alertState, auditOf, raiseBroken, RESOLVE, startAlertsWorld, type AlertsWorld } from './alerts-kit';

type AlertOut = {
  id: string;
  status: string;
  resolutionNote: string | null;
  events: { status: string; actorLabel: string; note: string | null }[];
};

describe('alert transitions', () => {
  let w: AlertsWorld;

  beforeAll(async () => {
    w = await startAlertsWorld();
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('should move open → acknowledged → resolved, recording each event with its actor and note, when Compliance works an alert', async () => {
    const id = await raiseBroken(w);
    const ack = await w.app.gql<{ acknowledgeAlert: AlertOut }>(
      ACKNOWLEDGE,
      { id, note: 'Looking into it' },
      w.tokens.compliance,
    );
    expect(ack.errors).toBeUndefined();
    expect(ack.data!.acknowledgeAlert.status).toBe('ACKNOWLEDGED');
    const res = await w.app.gql<{ resolveAlert: AlertOut }>(
      RESOLVE,
      { id, note: '  Employee rotated the key.  ' },
      w.tokens.compliance,
    );
    expect(res.errors).toBeUndefined();
    const resolved = res.data!.resolveAlert;
    expect(resolved.status).toBe('RESOLVED');
    expect(resolved.resolutionNote).toBe('Employee rotated the key.');
    expect(resolved.events.map((e) => [e.status, e.actorLabel, e.note])).toEqual([
      ['OPEN', 'holdings.poll', null],
      ['ACKNOWLEDGED', 'compliance person', 'Looking into it'],
      ['RESOLVED', 'compliance person', 'Employee rotated the key.'],
    ]);
    const { alert } = await alertState(w, id);
    expect(alert).toMatchObject({ status: 'resolved', acknowledged_by: w.userIds.compliance, resolved_by: w.userIds.compliance });
    const audit = await auditOf(w, id);
    expect(audit.map((e) => [e.action, e.outcome, e.actor_type])).toEqual([
      ['alerts.opened', 'allowed', 'system'],
      ['mutation.acknowledgeAlert', 'allowed', 'user'],
      ['mutation.resolveAlert', 'allowed', 'user'],
    ]);
    expect(audit[2]!.details).toMatchObject({ to: 'resolved', note: 'Employee rotated the key.' });
  });

  it('should resolve an open alert directly, and refuse to acknowledge it afterwards with CONFLICT', async () => {
    const id = await raiseBroken(w);
    const res = await w.app.gql<{ resolveAlert: AlertOut }>(
      RESOLVE,
      { id, note: 'False alarm: venue outage' },
      w.tokens.compliance,
    );
    expect(res.data!.resolveAlert.status).toBe('RESOLVED');
    const before = await alertState(w, id);
    const ack = await w.app.gql(ACKNOWLEDGE, { id }, w.tokens.compliance);
    expect(codeOf(ack)).toBe('CONFLICT');
    expect(ack.errors![0]!.message).toMatch(/already resolved/);
    expect(await alertState(w, id)).toEqual(before);
  });

  it('should answer CONFLICT and change nothing when an already resolved alert is resolved again', async () => {
    const id = await raiseBroken(w);
    await w.app.gql(RESOLVE, { id, note: 'Handled' }, w.tokens.compliance);
    const before = await alertState(w, id);
    const again = await w.app.gql(RESOLVE, { id, note: 'Handled twice' }, w.tokens.compliance);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(await alertState(w, id)).toEqual(before);
    const audit = await auditOf(w, id);
    expect(audit.at(-1)).toMatchObject({ action: 'mutation.resolveAlert', outcome: 'error' });
  });

  it('should make exactly one transition and audit every request once when 100 acknowledgements race', async () => {
    const id = await raiseBroken(w);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => w.app.gql(ACKNOWLEDGE, { id, note: `attempt ${i}` }, w.tokens.compliance)),
    );
    const codes = results.map((r) => (r.errors ? codeOf(r) : 'OK'));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(99);
    expect(results.every((r) => r.status < 500)).toBe(true);
    const { events } = await alertState(w, id);
    expect(events.map((e) => e.status)).toEqual(['open', 'acknowledged']);
    const acks = (await auditOf(w, id)).filter((e) => e.action === 'mutation.acknowledgeAlert');
    expect(acks).toHaveLength(100);
    expect(acks.filter((e) => e.outcome === 'allowed')).toHaveLength(1);
    // The one that moved it is the one whose note the event keeps.
    const winner = results.findIndex((r) => !r.errors);
    expect(events[1]!.note).toBe(`attempt ${winner}`);
  });

  it('should make exactly one transition when acknowledge and resolve race on an open alert', async () => {
    const id = await raiseBroken(w);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? w.app.gql(ACKNOWLEDGE, { id }, w.tokens.compliance)
          : w.app.gql(RESOLVE, { id, note: `done ${i}` }, w.tokens.compliance),
      ),
    );
    const { alert, events } = await alertState(w, id);
    // Either one resolve won outright, or one acknowledge then one resolve.
    expect(events.filter((e) => e.status === 'resolved')).toHaveLength(1);
    expect(events.filter((e) => e.status === 'acknowledged').length).toBeLessThanOrEqual(1);
    expect(alert!.status).toBe('resolved');
    expect(results.filter((r) => !r.errors)).toHaveLength(events.length - 1);
    expect(results.filter((r) => r.errors).every((r) => codeOf(r) === 'CONFLICT')).toBe(true);
  });

  it('should answer BAD_USER_INPUT and write nothing when a note is empty, blank, hostile or too long', async () => {
    const id = await raiseBroken(w);
    const before = await alertState(w, id);
    const attempts: [string, Record<string, unknown>][] = [
      [RESOLVE, { id, note: '' }],
      [RESOLVE, { id, note: '   \n\t ' }],
      [RESOLVE, { id, note: 'a\u0000b' }],
      [RESOLVE, { id, note: 'x'.repeat(100_000) }],
      [RESOLVE, { id, note: 'x'.repeat(2001) }],
      [RESOLVE, { id, note: 'bad \ud800 surrogate' }],
      [ACKNOWLEDGE, { id, note: '' }],
      [ACKNOWLEDGE, { id, note: 'a\u0000b' }],
      [ACKNOWLEDGE, { id, note: 'y'.repeat(100_000) }],
      [ACKNOWLEDGE, { id: 'not-a-uuid' }],
      [RESOLVE, { id: '12345', note: 'fine' }],
    ];
    for (const [doc, vars] of attempts) {
      const res = await w.app.gql(doc, vars, w.tokens.compliance);
      expect(codeOf(res), JSON.stringify(vars).slice(0, 60)).toBe('BAD_USER_INPUT');
      expect(res.status).toBeLessThan(500);
    }
    expect(await alertState(w, id)).toEqual(before);
    expect((await auditOf(w, id)).filter((e) => e.outcome === 'allowed').map((e) => e.action)).toEqual(['alerts.opened']);
  });

  it('should refuse any backward or content change in the database itself, whoever writes', async () => {
    const id = await raiseBroken(w);
    await w.app.gql(RESOLVE, { id, note: 'Closed' }, w.tokens.compliance);
    const before = await alertState(w, id);
    for (const change of [
      "status = 'open', resolved_at = NULL, resolved_by = NULL, resolution_note = NULL",
      "status = 'acknowledged', resolved_at = NULL, resolved_by = NULL, resolution_note = NULL, acknowledged_at = now()",
      "resolution_note = 'rewritten'",
      "title = 'nothing to see'",
    ]) {
      await expect(w.sql.query(`UPDATE alerts SET ${change} WHERE id = $1`, [id]), change).rejects.toMatchObject({
        code: 'VAL01',
      });
    }
    const fresh = await raiseBroken(w);
    await expect(w.sql.query(`UPDATE alerts SET severity = 'low' WHERE id = $1`, [fresh])).rejects.toMatchObject({
      code: 'VAL01',
    });
    // Resolved without a note is refused by the table's checks, before anything else.
    await expect(
      w.sql.query(`UPDATE alerts SET status = 'resolved', resolved_at = now() WHERE id = $1`, [fresh]),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      w.sql.query(`UPDATE alerts SET status = 'resolved', resolved_at = now(), resolution_note = '   ' WHERE id = $1`, [fresh]),
    ).rejects.toMatchObject({ code: '23514' });
    // A second event into a status is refused too.
    await expect(
      w.sql.query(
        `INSERT INTO alert_events (org_id, alert_id, status, actor_type, actor_label) SELECT org_id, id, 'resolved', 'system', 'x' FROM alerts WHERE id = $1`,
        [id],
      ),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await alertState(w, id)).toEqual(before);
  });

  it('should show the alert with its history to a reader after it was worked', async () => {
    const id = await raiseBroken(w);
    await w.app.gql(ACKNOWLEDGE, { id }, w.tokens.compliance);
    const read = await w.app.gql<{ alert: AlertOut }>(ALERT, { id }, w.tokens.viewer);
    expect(read.errors).toBeUndefined();
    expect(read.data!.alert.events.map((e) => e.status)).toEqual(['OPEN', 'ACKNOWLEDGED']);
  });
});
