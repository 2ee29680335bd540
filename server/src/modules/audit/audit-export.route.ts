import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Actor } from '@/app/actor';
import type { AppDeps } from '@/app/deps';
import { httpStatusOf } from '@/app/format-error';
import { outcomeOf, RequestAudit } from '@/app/request-audit';
import { AppError, badInput, forbidden, unauthenticated } from '@/lib/errors/app-error';
import { authenticateBearer } from '@/modules/auth/authenticate';
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
export function auditExportRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/', async (req: Request, res: Response) => {
    let actor: Actor | undefined;
    const audit = () => new RequestAudit(actor ?? null, req.ip ?? null);
    const note = { action: 'audit.export_csv', resourceType: 'audit_log', resourceId: null, dealId: null, details: {} as Record<string, unknown> };
    try {
      actor = await authenticateBearer(deps, req.headers.authorization ?? '');
      const parsed = query.safeParse(req.query);
      if (!parsed.success) throw badInput(`Invalid filter: ${parsed.error.issues[0]!.path.join('.')}`);
      const filter = parsed.data;
      note.details = { filter };
      if (!actor.permissions.has('audit:read')) throw forbidden('Needs the audit:read permission');
      const entries = audit();
      entries.record(note, 'allowed');
      await deps.auditBatcher.append(entries.entries);
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="vigil-audit-${new Date().toISOString().slice(0, 10)}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      await streamAuditCsv(
        deps.orm,
        {
          role: 'vigil_user',
          orgId: actor.orgId,
          actorId: actor.userId,
          roleId: actor.roleId,
          permissions: [...actor.permissions],
        },
        {
          from: filter.from ? new Date(filter.from) : null,
          to: filter.to ? new Date(filter.to) : null,
          actorId: filter.actor ?? null,
          resourceType: filter.resource ?? null,
        },
        res,
      );
    } catch (err) {
      const appErr = err instanceof AppError ? err : undefined;
      if (actor && appErr) {
        const entries = audit();
        entries.record(note, outcomeOf(appErr), appErr);
        await deps.auditBatcher.append(entries.entries).catch(() => undefined);
      }
      if (res.headersSent) {
        deps.logger.error({ err }, 'audit export failed mid-stream');
        res.destroy();
        return;
      }
      const e = appErr ?? (req.headers.authorization ? undefined : unauthenticated());
      if (!e) deps.logger.error({ err }, 'audit export failed');
      res
        .status(e ? httpStatusOf(e.code) : 500)
        .json({ errors: [{ message: e?.message ?? 'Internal server error', extensions: { code: e?.code ?? 'INTERNAL_SERVER_ERROR' } }] });
    }
  });
  return router;
}
