import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { badInput } from '@/lib/errors/app-error';
import { dbScopeOf, type UserActor } from '@/core/actor';
import { requirePermission } from '@/core/access/require-access';
import type { CoreDeps } from '@/core/deps';
import { requestIdOf, sendRestError } from '@/core/errors/rest-error';
import { authenticateBearer } from '@/core/identity';
import type { AuditNote } from '@/core/request/audit-note';
import { outcomeOf, RequestAudit } from '@/core/request/request-audit';
import { AppError } from '@/lib/errors/app-error';
import { ResponseCut, responseAbort } from '@/lib/http/response-abort';
import { AUDIT_ACTIONS } from './audit-actions';
import { ACTION_FILTER } from './audit-filter';
import { AUDIT_OUTCOMES } from './audit-outcomes';
import { AuditExportTimeout, streamAuditCsv } from './audit-export';
import { exportLimitsOf, takeExportSlot } from './audit-export-slots';

const query = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().max(200).optional(),
  resource: z.string().max(100).optional(),
  action: z.string().regex(ACTION_FILTER).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  writesOnly: z.enum(['true', 'false']).optional(),
  adminWritesOnly: z.enum(['true', 'false']).optional(),
});

/**
 * GET /api/v1/audit — the org's audit log as streaming CSV (filters: from, to, actor, resource,
 * action (a prefix with `*`), outcome, writesOnly, adminWritesOnly: the same as the console's list),
 * for holders of audit:read. The export is itself an audited action, committed before the first
 * byte is sent; a refused export is logged as denied. No tenant can stall another with exports
 * (README.md, "Export"): they read on a pool of their own, a few at once per org and per user
 * (429 beyond), and one whose client goes away, stops reading or runs past its deadline is cut,
 * its PostgreSQL statement with it.
 */
export function auditExportRouter(deps: CoreDeps): Router {
  const router = Router();
  router.get('/', async (req: Request, res: Response) => {
    let actor: UserActor | undefined;
    let release: (() => void) | undefined;
    const audit = () => new RequestAudit(actor ?? null, req.ip ?? null);
    const note: AuditNote = {
      action: AUDIT_ACTIONS.exportCsv,
      resourceType: 'audit_log',
      resourceId: null,
      dealId: null,
      details: {},
    };
    const cut = responseAbort(res, deps.env.EXPORT_STALL_TIMEOUT_SECONDS * 1000);
    try {
      actor = await authenticateBearer(deps, req.headers.authorization ?? '');
      const parsed = query.safeParse(req.query);
      if (!parsed.success) throw badInput(`Invalid filter: ${parsed.error.issues[0]!.path.join('.')}`);
      const filter = parsed.data;
      note.details = { filter };
      requirePermission(actor, 'audit:read');
      release = takeExportSlot(deps.longReads.slots, exportLimitsOf(deps.env), { orgId: actor.orgId, actorId: actor.userId });
      const entries = audit();
      entries.record(note, 'allowed');
      await deps.auditBatcher.append(entries.entries);
      await sendCsv(deps, actor, filter, res, cut.signal);
    } catch (err) {
      if (cut.signal.aborted || err instanceof AuditExportTimeout) {
        // Cut on purpose, its statement ended: the client sees the connection close before the end.
        deps.logger.warn({ requestId: requestIdOf(req), reason: reasonOf(cut.signal) }, 'audit export cut');
        res.destroy();
        return;
      }
      if (actor && err instanceof AppError) {
        const entries = audit();
        entries.record(note, outcomeOf(err), err);
        await deps.auditBatcher.append(entries.entries).catch(() => undefined);
      }
      sendRestError(req, res, err, deps.logger);
    } finally {
      cut.dispose();
      release?.();
    }
  });
  return router;
}

async function sendCsv(deps: CoreDeps, actor: UserActor, filter: z.infer<typeof query>, res: Response, signal: AbortSignal) {
  // The client may have gone while the export was being audited: nothing to start for it.
  signal.throwIfAborted();
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="vigil-audit-${new Date().toISOString().slice(0, 10)}.csv"`);
  res.setHeader('Cache-Control', 'no-store');
  await streamAuditCsv(
    deps.longReads.source,
    dbScopeOf(actor),
    {
      from: filter.from ? new Date(filter.from) : null,
      to: filter.to ? new Date(filter.to) : null,
      actorId: filter.actor ?? null,
      resourceType: filter.resource ?? null,
      action: filter.action ?? null,
      outcome: filter.outcome ?? null,
      writesOnly: filter.writesOnly === 'true',
      adminWritesOnly: filter.adminWritesOnly === 'true',
    },
    res,
    { signal, timeoutMs: deps.env.EXPORT_STATEMENT_TIMEOUT_SECONDS * 1000, cancelable: deps.longReads.cancelable },
  );
}

const reasonOf = (signal: AbortSignal) => (signal.reason instanceof ResponseCut ? signal.reason.reason : 'deadline');
