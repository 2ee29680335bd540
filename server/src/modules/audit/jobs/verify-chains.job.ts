import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobHandler } from '@/lib/queue/job-registry';
import type { Logger } from '@/lib/logger';
import type { AuditBatcher } from '../audit-batcher';
import { verifyAllChains } from '../audit-chain-reader';

/**
 * Scheduled verification of every organization's chain. Each result is itself an audit entry
 * of the org (actor: system, source job:audit.verify-chains); a broken chain is also logged as
 * an error for whoever watches the logs.
 */
export function verifyChainsJob(deps: { orm: MikroORM; auditBatcher: AuditBatcher; logger: Logger }): JobHandler<'audit.verify-chains'> {
  return {
    name: 'audit.verify-chains',
    async handle() {
      const results = await verifyAllChains(deps.orm);
      const at = new Date();
      await deps.auditBatcher.append(
        results.map((r) => ({
          orgId: r.orgId,
          at,
          actorType: 'system' as const,
          actorId: null,
          actorRole: null,
          systemSource: 'job:audit.verify-chains',
          action: r.valid ? 'audit.chain_verified' : 'audit.chain_verification_failed',
          resourceType: 'audit_log',
          resourceId: null,
          dealId: null,
          ipAddress: null,
          outcome: r.valid ? ('allowed' as const) : ('error' as const),
          details: { checked: r.checked, headSeq: r.headSeq, firstInvalidSeq: r.firstInvalidSeq, reason: r.reason, elapsedMs: r.elapsedMs },
        })),
      );
      for (const r of results.filter((x) => !x.valid)) {
        deps.logger.error({ orgId: r.orgId, firstInvalidSeq: r.firstInvalidSeq, reason: r.reason }, 'audit chain does not verify');
      }
    },
  };
}
