import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { badInput } from '@/lib/errors/app-error';
import { dbScopeOf, type UserActor } from '@/core/actor';
import { requirePermission } from '@/core/access/require-access';
import type { CoreDeps } from '@/core/deps';
import { sendRestError } from '@/core/errors/rest-error';
import { authenticateBearer } from '@/core/identity';
import type { AuditNote } from '@/core/request/audit-note';
import { outcomeOf, RequestAudit } from '@/core/request/request-audit';
import { AppError } from '@/lib/errors/app-error';
import { AUDIT_ACTIONS } from './audit-actions';
import { streamAuditCsv } from './audit-export';

const query = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().max(200).optional(),
  resource: z.string().max(100).optional(),
});

/**
 * GET /api/v1/audit — the org's audit log as streaming CSV (filters: from, to, actor, resource),
 * for holders of audit:read. The export is itself an audited action, committed before the first
 * byte is sent; a refused export is logged as denied.
 */
export function auditExportRouter(deps: CoreDeps): Router {
  const router = Router();
  router.get('/', async (req: Request, res: Response) => {
    let actor: UserActor | undefined;
    const audit = () => new RequestAudit(actor ?? null, req.ip ?? null);
    const note: AuditNote = {
      action: AUDIT_ACTIONS.exportCsv,
      resourceType: 'audit_log',
      resourceId: null,
      dealId: null,
      details: {},
    };
    try {
      actor = await authenticateBearer(deps, req.headers.authorization ?? '');
      const parsed = query.safeParse(req.query);
      if (!parsed.success) throw badInput(`Invalid filter: ${parsed.error.issues[0]!.path.join('.')}`);
      const filter = parsed.data;
      note.details = { filter };
      requirePermission(actor, 'audit:read');
      const entries = audit();
      entries.record(note, 'allowed');
      await deps.auditBatcher.append(entries.entries);
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="vigil-audit-${new Date().toISOString().slice(0, 10)}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      await streamAuditCsv(
        deps.orm,
        dbScopeOf(actor),
        {
          from: filter.from ? new Date(filter.from) : null,
          to: filter.to ? new Date(filter.to) : null,
          actorId: filter.actor ?? null,
          resourceType: filter.resource ?? null,
        },
        res,
      );
    } catch (err) {
      if (actor && err instanceof AppError) {
        const entries = audit();
        entries.record(note, outcomeOf(err), err);
        await deps.auditBatcher.append(entries.entries).catch(() => undefined);
      }
      sendRestError(req, res, err, deps.logger);
    }
  });
  return router;
}
