import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { AppError } from '@/lib/errors/app-error';
import type { CoreDeps } from '@/core/deps';
import { authenticateBearer } from '@/core/identity';
import { RequestContext } from '@/core/request/request-context';

// Requests that reached GraphQL: their operations write their own audit entries.
const reached = new WeakSet<Request>();

/** Whether the request got as far as a GraphQL context (else it was refused before: http.ts). */
export const reachedGraphQL = (req: Request) => reached.has(req);

/** A request's context: its actor is established (or refused) before any resolver runs. */
export async function createContext(deps: CoreDeps, req: Request, requestId: string): Promise<RequestContext> {
  reached.add(req);
  const ip = req.ip ?? null;
  const header = req.headers.authorization;
  if (!header) return new RequestContext(deps, requestId, ip, null, req.secure);
  try {
    const actor = await authenticateBearer(deps, header);
    return new RequestContext(deps, requestId, ip, actor, req.secure);
  } catch (err) {
    if (err instanceof AppError && err.code === 'UNAUTHENTICATED') {
      // Refused at the edge: no resolver and no database work for a bad or revoked token.
      throw new GraphQLError(err.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    throw err;
  }
}
