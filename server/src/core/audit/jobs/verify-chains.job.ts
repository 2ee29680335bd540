import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { defineJob, handleJob } from '@/lib/queue/job-definition';
import type { Logger } from '@/lib/logger';
import { auditActorOf } from '@/core/actor';
import { AUDIT_ACTIONS } from '../audit-actions';
import type { AuditBatcher } from '../audit-batcher';
import type { AuditEntryMac } from '../audit-entry-mac';
import { verifyAllChains } from '../audit-chain-reader';
import { resetVerifiedPoints } from '../audit-verified-point';
import { withRawClient } from '@/lib/db/raw-client';

export const verifyChainsJob = defineJob({
  name: 'audit.verify-chains',
  queue: 'maintenance',
  payload: z.object({}),
  // One run at a time is enough: a second request while one waits is the same work.
  dedupeKey: () => 'audit.verify-chains',
});

const SOURCE = `job:${verifyChainsJob.name}`;

/**
 * Scheduled verification of every organization's whole chain. Each result is itself an audit entry
 * of the org (actor: system, source job:audit.verify-chains); a broken chain is also logged as
 * an error for whoever watches the logs. Each org's verified point is then set to the last entry
 * that holds: the chain status, which walks only from that point, reports a break found here even
 * when it lies before the point the status had reached.
 */
export const verifyChainsHandler = (deps: {
  orm: MikroORM;
  auditBatcher: AuditBatcher;
  auditMac: AuditEntryMac;
  logger: Logger;
}) =>
  handleJob(verifyChainsJob, async () => {
    const results = await verifyAllChains(deps.orm, deps.auditMac);
    await withRawClient(deps.orm, (client) => resetVerifiedPoints(client, results));
    const at = new Date();
    await deps.auditBatcher.append(
      results.map((r) => ({
        orgId: r.orgId,
        at,
        ...auditActorOf({ kind: 'system', source: SOURCE, orgId: r.orgId, permissions: new Set() }),
        action: r.valid ? AUDIT_ACTIONS.chainVerified : AUDIT_ACTIONS.chainVerificationFailed,
        resourceType: 'audit_log',
        resourceId: null,
        dealId: null,
        ipAddress: null,
        outcome: r.valid ? ('allowed' as const) : ('error' as const),
        details: {
          checked: r.checked,
          headSeq: r.headSeq,
          firstInvalidSeq: r.firstInvalidSeq,
          reason: r.reason,
          elapsedMs: r.elapsedMs,
        },
      })),
    );
    for (const r of results.filter((x) => !x.valid)) {
      deps.logger.error({ orgId: r.orgId, firstInvalidSeq: r.firstInvalidSeq, reason: r.reason }, 'audit chain does not verify');
    }
  });
