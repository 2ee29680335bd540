import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopePreamble, type DbScope } from '@/lib/db/db-scope';
import { insertAdminAuditEntries } from '@/core/audit/admin-audit';
import { AuditBatcher } from '@/core/audit/audit-batcher';
import { AuditChainer } from '@/core/audit/audit-chainer';
import type { ChainedAuditEntry } from '@/core/audit/audit-entry';
import { AUDIT_CSV_COLUMNS, streamAuditCsv } from '@/core/audit/audit-export';
import { listAuditEntries } from '@/core/audit/audit-query';
import { verifyChain } from '@/core/audit/audit-verify';
import { appClient, auditEntry, openAuditTestEnv, userScope, type AuditTestEnv } from '../helpers/audit-test-kit';
import { parseCsv } from '../helpers/parse-csv';

const ORG_A = randomUUID();
const ORG_B = randomUUID();
const ALICE = randomUUID();
const T0 = Date.UTC(2026, 2, 1);

async function exportCsv(env: AuditTestEnv, scope: DbScope, filter: Parameters<typeof streamAuditCsv>[2]) {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  const count = await streamAuditCsv(env.orm, scope, filter, sink);
  return { count, rows: parseCsv(Buffer.concat(chunks).toString('utf8')) };
}

describe('audit access, listing and CSV export', () => {
  let env: AuditTestEnv;
  let app: pg.Client;

  const visible = async (scope: DbScope, table: string) => {
    await app.query(`BEGIN; ${scopePreamble(scope)}`);
    try {
      return (await app.query(`SELECT count(*)::int AS n FROM ${table} WHERE org_id = $1`, [ORG_A])).rows[0].n as number;
    } finally {
      await app.query('ROLLBACK');
    }
  };

  beforeAll(async () => {
    env = await openAuditTestEnv();
    app = await appClient(env.db);
    const batcher = new AuditBatcher(env.orm, env.mac);
    const entries = Array.from({ length: 30 }, (_, i) =>
      auditEntry(ORG_A, {
        at: new Date(T0 + i * 60_000),
        actorId: i % 3 === 0 ? ALICE : randomUUID(),
        resourceType: i % 2 === 0 ? 'deal' : 'employee',
        outcome: i % 5 === 0 ? 'denied' : 'allowed',
        details: { i, note: 'comma, "quote"\nnewline' },
      }),
    );
    await batcher.append(entries);
    await batcher.append([auditEntry(ORG_B), auditEntry(ORG_B)]);
    const em = env.orm.em.fork();
    await em.transactional(async (tx) => {
      await tx.execute(scopePreamble(userScope(ORG_A)));
      await insertAdminAuditEntries(tx, [{ ...auditEntry(ORG_A, { action: 'roles.update' }), justification: 'ticket 42' }]);
    });
    await new AuditChainer(env.orm).drain();
  });
  afterAll(async () => {
    await app?.end();
    await env?.close();
  });

  it('should show none of an org’s audit rows when a request carries another org’s settings', async () => {
    expect(await visible(userScope(ORG_B, ['audit:read']), 'audit_log')).toBe(0);
    expect(await visible(userScope(ORG_B, ['audit:read']), 'admin_audit_log')).toBe(0);
  });

  it('should show the org’s rows only when the request holds audit:read', async () => {
    expect(await visible(userScope(ORG_A, ['users:read']), 'audit_log')).toBe(0);
    expect(await visible(userScope(ORG_A, ['audit:read']), 'audit_log')).toBe(30);
    expect(await visible(userScope(ORG_A, ['audit:read']), 'admin_audit_log')).toBe(1);
  });

  it('should page newest first by seq when listing through the request’s entity manager', async () => {
    const em = env.orm.em.fork();
    const seen: number[] = [];
    await em.transactional(async (tx) => {
      await tx.execute(scopePreamble(userScope(ORG_A)));
      let after: number | null = null;
      for (;;) {
        const page = await listAuditEntries(tx, {}, 7, after);
        seen.push(...page.entries.map((e) => e.seq));
        if (!page.hasNextPage) break;
        after = page.endCursor;
      }
    });
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
  });

  it('should apply filters when listing through a raw client', async () => {
    await app.query(`BEGIN; ${scopePreamble(userScope(ORG_A))}`);
    try {
      const page = await listAuditEntries(app, { actorId: ALICE, resourceType: 'deal', from: new Date(T0 + 5 * 60_000) }, 100);
      // i ≡ 0 (mod 3), even, i ≥ 5: 6, 12, 18, 24
      expect(page.entries.map((e) => (e.details as { i: number }).i)).toEqual([24, 18, 12, 6]);
      expect(page.entries.every((e) => e.actorId === ALICE && e.orgId === ORG_A)).toBe(true);
    } finally {
      await app.query('ROLLBACK');
    }
  });

  it('should stream every row with the chain columns when exporting without a filter', async () => {
    const { count, rows } = await exportCsv(env, userScope(ORG_A), {});
    expect(count).toBe(30);
    expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    // The export alone is enough to recompute the chain.
    const entries: ChainedAuditEntry[] = rows.slice(1).map((r) => {
      // CSV has no NULL: an empty unquoted field is one (our text columns are never '').
      const f = (c: (typeof AUDIT_CSV_COLUMNS)[number]) => {
        const v = r[AUDIT_CSV_COLUMNS.indexOf(c)]!;
        return v === '' ? null : v;
      };
      return {
        orgId: ORG_A,
        seq: Number(f('seq')),
        at: f('at')!,
        actorType: f('actor_type') as 'user',
        actorId: f('actor_id'),
        actorRole: f('actor_role'),
        systemSource: f('system_source'),
        action: f('action')!,
        resourceType: f('resource_type'),
        resourceId: f('resource_id'),
        dealId: f('deal_id'),
        ipAddress: f('ip_address'),
        outcome: f('outcome') as 'allowed',
        details: JSON.parse(f('details')!) as Record<string, unknown>,
        prevHash: f('prev_hash')!,
        hash: f('hash')!,
      };
    });
    expect(await verifyChain(entries)).toMatchObject({ valid: true, checked: 30 });
  });

  it('should stream only matching rows when exporting under time, actor and resource filters', async () => {
    const { count, rows } = await exportCsv(env, userScope(ORG_A), {
      from: new Date(T0 + 3 * 60_000),
      to: new Date(T0 + 21 * 60_000),
      actorId: ALICE,
      resourceType: 'deal',
    });
    // i in [3, 21), i ≡ 0 (mod 6): 6, 12, 18
    expect(count).toBe(3);
    expect(rows.slice(1).map((r) => JSON.parse(r[12]!).i)).toEqual([6, 12, 18]);
  });

  it('should export nothing when the scope belongs to another org, whatever the filter names', async () => {
    const { count, rows } = await exportCsv(env, userScope(ORG_B), { orgId: ORG_A });
    expect(count).toBe(0);
    expect(rows.length).toBe(1);
  });
});
