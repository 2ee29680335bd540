import type { MikroORM } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import type { Env } from '@/config/env';
import { createOrm } from '@/lib/db/orm';
import { inScopedTransaction } from '@/lib/db/request-db';
import { durableKv } from '@/lib/kv/durable-kv';
import { redisKv } from '@/lib/kv/kv-store';
import { appendInTransaction, AuditEntryMac } from '@/core/audit';
import { addAdministrator, IDENTITY_AUDIT_ACTIONS, resetMfa, SessionRevocation, type RecoveredAccess } from '@/core/identity';
import { MODULES } from '@/app/modules';
import { ModuleRegistry } from '@/app/module-registry';
import type { KeyRing } from '@/lib/crypto/key-ring';
import { openCliDatabase } from './cli-database';

type Recovery =
  | { kind: 'add-admin'; organization: string; email: string; name: string; password: string; reason: string }
  | { kind: 'reset-mfa'; organization: string; email: string; reason: string };

/**
 * `add-admin` and `reset-mfa`: for the day an organization locks itself out. Each writes the change
 * and its audit entry (system actor `cli:<command>`, the reason given) in one transaction; a reset
 * also ends the user's sessions (in Redis, or in the embedded database's denylist).
 */
export async function recoverAccessCommand(
  env: Env,
  ring: KeyRing,
  recovery: Recovery,
  out: (text: string) => void = (t) => process.stdout.write(`${t}\n`),
): Promise<0> {
  const db = await openCliDatabase(env);
  const orm = await createOrm({ url: db.url, poolMax: 1, entities: new ModuleRegistry(MODULES).entities });
  const source = `cli:${recovery.kind}`;
  try {
    const done: RecoveredAccess = await inScopedTransaction(orm, { role: 'vigil_system', source }, async (em) => {
      const result = recovery.kind === 'add-admin' ? await addAdministrator(em, recovery) : await resetMfa(em, recovery);
      const entry = {
        orgId: result.orgId,
        at: new Date(),
        actorType: 'system' as const,
        actorId: null,
        actorRole: null,
        systemSource: source,
        action: recovery.kind === 'add-admin' ? IDENTITY_AUDIT_ACTIONS.administratorAdded : IDENTITY_AUDIT_ACTIONS.mfaReset,
        resourceType: 'user' as const,
        resourceId: result.userId,
        dealId: null,
        ipAddress: null,
        outcome: 'allowed' as const,
        details: { email: recovery.email, reason: recovery.reason },
      };
      await appendInTransaction(em, [entry], new AuditEntryMac(ring));
      return result;
    });
    let sessions = 'none to end';
    if (recovery.kind === 'reset-mfa') sessions = await endSessions(env, orm, db.embedded, done.userId);
    out(JSON.stringify({ ...done, command: recovery.kind, sessions }));
    return 0;
  } finally {
    await orm.close(true);
    await db.close();
  }
}

// Cutoffs are on the database's clock, as the server's are (session-cutoffs.ts).
const dbNowMs = async (orm: MikroORM) =>
  Number(
    (
      await inScopedTransaction(orm, { role: 'vigil_system', source: 'cli' }, (em) =>
        em.execute<{ ms: string }[]>('SELECT floor(extract(epoch from clock_timestamp()) * 1000)::bigint::text AS ms'),
      )
    )[0]!.ms,
  );

/** Ends the user's sessions where the server looks for revocations. */
async function endSessions(env: Env, orm: MikroORM, embedded: boolean, userId: string) {
  if (env.REDIS_URL) {
    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
    try {
      await new SessionRevocation(redisKv(redis), env.REDIS_KEY_PREFIX).revokeUserSessions(userId, await dbNowMs(orm));
      return 'ended';
    } finally {
      redis.disconnect();
    }
  }
  if (!embedded) return 'not ended: without REDIS_URL the server keeps its denylist in memory; restart it';
  let failed: unknown;
  const kv = await durableKv(
    <T>(sql: string, params: unknown[]) =>
      inScopedTransaction(orm, { role: 'vigil_system', source: 'cli:reset-mfa' }, (em) => em.execute<T[]>(sql, params)),
    (err) => (failed = err),
  );
  await new SessionRevocation(kv, env.REDIS_KEY_PREFIX).revokeUserSessions(userId, await dbNowMs(orm));
  await kv.settled();
  if (failed) throw failed;
  return 'ended';
}
