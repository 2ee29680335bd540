import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '@/app/modules';
import { outboxOf, sendAfterCommit, sweepOutbox } from '@/core/jobs';
import { RequestDb } from '@/lib/db/request-db';
import type { DbScope } from '@/lib/db/db-scope';
import { probeRecordJob, probeRuns, runtimeProbeModule } from '../../fixtures/runtime-probe.module';
import { createTestOrg, login, startTestApp, type TestApp, type TestOrg } from '../../helpers/test-app';
import { waitFor } from '../../helpers/wait-for';

const probeRan = <T>(probe: () => T | undefined) => waitFor('the probe job to run', probe, 10_000, 20);

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

describe.each([
  ['BullMQ on Redis', {}],
  ['the in-process runner', { REDIS_URL: '' }],
])('after commit and the job outbox, with %s', (_label, env) => {
  let app: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let token: string;
  let sql: pg.Client;

  beforeAll(async () => {
    // The sweeper runs only when a test calls it.
    app = await startTestApp({ ...env, OUTBOX_SWEEP_EVERY_SECONDS: '3600' }, { modules: [...MODULES, runtimeProbeModule] });
    org = await createTestOrg(app);
    other = await createTestOrg(app);
    token = await login(app, org.admin);
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  const scope = (o: TestOrg): DbScope => ({
    role: 'vigil_user',
    actorType: 'user',
    orgId: o.orgId,
    actorId: o.adminId,
    roleId: o.roles.Admin.id,
    permissions: ['users:read'],
  });
  const outboxRows = async (key: string) =>
    Number((await sql.query(`SELECT count(*) FROM job_outbox WHERE payload->>'key' = $1`, [key])).rows[0].count);

  it('should run an afterCommit callback once the transaction has committed, seeing the committed row', async () => {
    const db = new RequestDb(app.vigil.deps.orm, scope(org));
    const key = randomUUID();
    const seen: number[] = [];
    const em = await db.em();
    await em.execute(`INSERT INTO job_outbox (id, org_id, job, payload) VALUES (?, ?, 'probe.record', ?::jsonb)`, [
      randomUUID(),
      org.orgId,
      JSON.stringify({ key, n: 1 }),
    ]);
    db.afterCommit(async () => {
      seen.push(await outboxRows(key));
    });
    expect(seen).toEqual([]);
    await db.commit();
    // The callback ran after the commit: another connection already saw the row.
    expect(seen).toEqual([1]);
    await db.commit();
    expect(seen).toEqual([1]);
    await sql.query(`DELETE FROM job_outbox WHERE payload->>'key' = $1`, [key]);
  });

  it('should never run an afterCommit callback when the transaction rolls back, or when its savepoint does', async () => {
    const ran: string[] = [];
    const rolledBack = new RequestDb(app.vigil.deps.orm, scope(org));
    await rolledBack.em();
    rolledBack.afterCommit(() => void ran.push('rolled back'));
    await rolledBack.rollback();
    await rolledBack.commit();

    const savepoint = new RequestDb(app.vigil.deps.orm, scope(org));
    savepoint.afterCommit(() => void ran.push('outside the savepoint'));
    await expect(
      savepoint.inSavepoint(async () => {
        savepoint.afterCommit(() => void ran.push('inside the failed savepoint'));
        throw new Error('field failed');
      }),
    ).rejects.toThrow('field failed');
    await savepoint.inSavepoint(async () => savepoint.afterCommit(() => void ran.push('inside a kept savepoint')));
    await savepoint.commit();
    expect(ran).toEqual(['outside the savepoint', 'inside a kept savepoint']);
  });

  it('should enqueue a job written in a committed transaction, once, and leave no outbox row', async () => {
    const key = randomUUID();
    const db = new RequestDb(app.vigil.deps.orm, scope(org));
    await sendAfterCommit(() => outboxOf(app.vigil.deps), db, org.orgId, probeRecordJob, { key, n: 7 });
    expect(probeRuns.get(key)).toBeUndefined();
    await db.commit();
    expect(await probeRan(() => probeRuns.get(key))).toEqual([7]);
    expect(await outboxRows(key)).toBe(0);
  });

  it('should never enqueue an outbox row written in a rolled-back transaction, not even through the sweeper', async () => {
    const key = randomUUID();
    const db = new RequestDb(app.vigil.deps.orm, scope(org));
    await sendAfterCommit(() => outboxOf(app.vigil.deps), db, org.orgId, probeRecordJob, { key, n: 1 });
    await db.rollback();
    expect(await sweepOutbox(outboxOf(app.vigil.deps), 0)).toBe(0);
    await settle();
    expect(probeRuns.get(key)).toBeUndefined();
    expect(await outboxRows(key)).toBe(0);
  });

  it('should send the job of a mutation field that succeeded and not of one that failed in the same batch', async () => {
    const key = randomUUID();
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation($k: String!) { kept: probeSend(key: $k, n: 1) failed: probeSend(key: $k, n: 2, fail: true) }`,
        variables: { k: key },
      }),
    });
    const body = (await res.json()) as { data: { kept: boolean | null; failed: boolean | null } | null; errors?: unknown[] };
    expect(body.data?.kept).toBe(true);
    expect(body.errors).toHaveLength(1);
    expect(await probeRan(() => probeRuns.get(key))).toEqual([1]);
    await settle();
    expect(probeRuns.get(key)).toEqual([1]);
    expect(await outboxRows(key)).toBe(0);
  });

  it('should re-queue, once, a row whose writer died between commit and enqueue', async () => {
    const key = randomUUID();
    // What a crashed writer leaves: a committed row nobody enqueued, older than the threshold.
    await sql.query(
      `INSERT INTO job_outbox (id, org_id, job, payload, created_at) VALUES ($1, $2, 'probe.record', $3, now() - interval '1 minute')`,
      [randomUUID(), org.orgId, JSON.stringify({ key, n: 3 })],
    );
    expect(await sweepOutbox(outboxOf(app.vigil.deps), 30)).toBe(1);
    expect(await probeRan(() => probeRuns.get(key))).toEqual([3]);
    expect(await sweepOutbox(outboxOf(app.vigil.deps), 30)).toBe(0);
    expect(await outboxRows(key)).toBe(0);
  });

  it('should run each of 100 committed jobs exactly once while three sweepers race the after-commit sends', async () => {
    const key = randomUUID();
    const sends = Array.from({ length: 100 }, async (_, n) => {
      const db = new RequestDb(app.vigil.deps.orm, scope(org));
      await sendAfterCommit(() => outboxOf(app.vigil.deps), db, org.orgId, probeRecordJob, { key, n });
      await db.commit();
    });
    const sweeps = Array.from({ length: 3 }, () => sweepOutbox(outboxOf(app.vigil.deps), 0));
    await Promise.all([...sends, ...sweeps]);
    await sweepOutbox(outboxOf(app.vigil.deps), 0);
    const runs = await probeRan(() => ((probeRuns.get(key)?.length ?? 0) >= 100 ? probeRuns.get(key) : undefined));
    await settle();
    expect([...probeRuns.get(key)!].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, n) => n));
    expect(runs.length).toBe(100);
    expect(await outboxRows(key)).toBe(0);
  });

  it("should refuse a request's outbox row for another org, and let a request read no outbox row", async () => {
    const db = new RequestDb(app.vigil.deps.orm, scope(org));
    await expect(
      sendAfterCommit(() => outboxOf(app.vigil.deps), db, other.orgId, probeRecordJob, { key: 'cross-org', n: 1 }),
    ).rejects.toMatchObject({ code: '42501' });
    await db.rollback();
    const reader = new RequestDb(app.vigil.deps.orm, scope(org));
    await expect(reader.readRows('SELECT id FROM job_outbox')).rejects.toMatchObject({ code: '42501' });
    expect(await outboxRows('cross-org')).toBe(0);
  });
});
