import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AUDIT_ACTIONS } from '@/core/audit';
import type { CoreDeps } from '@/core/deps';
import { requestIdOf } from '@/core/errors/rest-error';
import { authenticateBearer } from '@/core/identity';
import { RequestAudit } from '@/core/request/request-audit';
import { reachedGraphQL } from './create-context';

/**
 * A signed-in request refused before it reached GraphQL (malformed JSON, a body over the size
 * limit, a CSRF-refused content type, too large a batch) is still an audited attempt: one
 * `graphql.rejected` entry, denied, with the HTTP status. Written once the refusal has been
 * sent (nothing was done, so nothing waits on it); a token that does not verify is refused at
 * the edge like every other and writes nothing.
 */
export function auditRefusedRequests(deps: CoreDeps): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.once('finish', () => {
      if (res.statusCode < 400 || reachedGraphQL(req) || !req.headers.authorization) return;
      record(deps, req, res.statusCode).catch((err: unknown) =>
        deps.logger.error({ err, requestId: requestIdOf(req) }, 'could not audit a refused request'),
      );
    });
    next();
  };
}

async function record(deps: CoreDeps, req: Request, status: number): Promise<void> {
  let actor;
  try {
    actor = await authenticateBearer(deps, req.headers.authorization ?? '');
  } catch {
    return;
  }
  const audit = new RequestAudit(actor, req.ip ?? null);
  audit.record(
    {
      action: AUDIT_ACTIONS.requestRejected,
      resourceType: null,
      resourceId: null,
      dealId: null,
      details: { httpStatus: status },
    },
    'denied',
  );
  await deps.auditBatcher.append(audit.entries);
}
