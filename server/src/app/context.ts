import type { Request } from 'express';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { AppError } from '@/lib/errors/app-error';
import { RequestDb } from '@/lib/db/request-db';
import { appendInTransaction, auditInsertStatement } from '@/modules/audit/audit-append';
import { insertAdminAuditEntries } from '@/modules/audit/admin-audit';
import type { Actor } from './actor';
import type { AppDeps } from './deps';
import { discardAudit, fieldAudit, type AuditNote, type FieldAudit } from './audit-note';
import { RequestAudit } from './request-audit';
import { authenticateBearer } from '@/modules/auth/authenticate';

/** Everything a resolver may use, built once per request before any resolver runs. */
export class RequestContext {
  readonly audit: RequestAudit;
  private dbHandle: RequestDb | undefined;
  private readonly fieldNotes = new Map<string, AuditNote>();

  constructor(
    readonly deps: AppDeps,
    readonly requestId: string,
    readonly ip: string | null,
    readonly actor: Actor | null,
  ) {
    this.audit = new RequestAudit(actor, ip);
  }

  /** The request's RLS-bound database access. Anonymous requests have none. */
  get db(): RequestDb {
    if (!this.actor) throw new AppError('UNAUTHENTICATED', 'Authentication required');
    this.dbHandle ??= new RequestDb(this.deps.orm, {
      role: 'vigil_user',
      orgId: this.actor.orgId,
      actorId: this.actor.userId,
      roleId: this.actor.roleId,
      permissions: [...this.actor.permissions],
    });
    return this.dbHandle;
  }

  /** Called by the audit middleware as a root field starts. */
  openFieldNote(responseKey: string, note: AuditNote): void {
    this.fieldNotes.set(responseKey, note);
  }

  /** The audit of the root field being resolved. */
  auditFor(info: GraphQLResolveInfo): FieldAudit {
    let path = info.path;
    while (path.prev) path = path.prev;
    const note = this.fieldNotes.get(String(path.key));
    if (!note) return discardAudit;
    // Only a user's request has a scoped read to ride along with.
    return fieldAudit(note, (n) => {
      const entry = this.actor ? this.audit.entryOf(n, 'allowed') : undefined;
      return entry ? auditInsertStatement([entry]) : undefined;
    });
  }

  /**
   * Ends the request: its audit entries commit with its transaction, or — for a request that
   * opened none — through the batcher. Either way they are durable before the response leaves.
   */
  async finish(): Promise<void> {
    const { entries, adminEntries } = this.audit;
    const db = this.dbHandle;
    if (db?.inTransaction) {
      try {
        const em = await db.em();
        await appendInTransaction(em, entries);
        await insertAdminAuditEntries(em, adminEntries);
        await db.commit();
      } catch (err) {
        await db.rollback();
        await this.deps.auditBatcher.append(
          entries.map((e) => ({ ...e, outcome: 'error' as const, details: { ...e.details, rolledBack: true } })),
        );
        throw err;
      }
    } else if (entries.length > 0) {
      await this.deps.auditBatcher.append(entries);
    }
  }
}

export async function createContext(deps: AppDeps, req: Request, requestId: string): Promise<RequestContext> {
  const ip = req.ip ?? null;
  const header = req.headers.authorization;
  if (!header) return new RequestContext(deps, requestId, ip, null);
  try {
    const actor = await authenticateBearer(deps, header);
    return new RequestContext(deps, requestId, ip, actor);
  } catch (err) {
    if (err instanceof AppError && err.code === 'UNAUTHENTICATED') {
      // Refused at the edge: no resolver and no database work for a bad or revoked token.
      throw new GraphQLError(err.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    throw err;
  }
}
