import type { GraphQLResolveInfo } from 'graphql';
import { AppError } from '@/lib/errors/app-error';
import { RequestDb } from '@/lib/db/request-db';
import type { Logger } from '@/lib/logger';
import { dbScopeOf, type RequestActor } from '@/core/actor';
import { ObjectAccess } from '@/core/access/require-access';
import { appendInTransaction, auditInsertStatement } from '@/core/audit/audit-append';
import { insertAdminAuditEntries } from '@/core/audit/admin-audit';
import type { CoreDeps } from '@/core/deps';
import { discardAudit, fieldAudit, type AuditNote, type FieldAudit } from './audit-note';
import { RequestAudit } from './request-audit';

/**
 * Everything a resolver may use, built once per HTTP request before any resolver runs. Apollo
 * runs each operation of a batch with a shallow copy of it; `startOperation` gives each copy
 * its own audit entries, field notes and transaction, so an operation writes its own entries
 * and commits on its own, whatever else shares the HTTP request.
 */
export class RequestContext {
  audit: RequestAudit;
  /** Every line it writes names the request. */
  readonly logger: Logger;
  private dbHandle: RequestDb | undefined;
  private accessHandle: ObjectAccess | undefined;
  private fieldNotes = new Map<string, AuditNote>();

  constructor(
    readonly deps: CoreDeps,
    readonly requestId: string,
    readonly ip: string | null,
    readonly actor: RequestActor | null,
    /** The client reached us over TLS (directly, or per X-Forwarded-Proto from a trusted proxy). */
    readonly secure = false,
  ) {
    this.audit = new RequestAudit(actor, ip);
    this.logger = deps.logger.child({ requestId });
  }

  /** Called as each operation starts, on that operation's copy of the context. */
  startOperation(): void {
    this.audit = new RequestAudit(this.actor, this.ip);
    this.fieldNotes = new Map();
    this.dbHandle = undefined;
    this.accessHandle = undefined;
  }

  /** Whether any root field of this operation ran (and so wrote or will write its entry). */
  get ranAnyField(): boolean {
    return this.fieldNotes.size > 0;
  }

  /** The request's RLS-bound database access. Anonymous requests have none. */
  get db(): RequestDb {
    if (!this.actor) throw new AppError('UNAUTHENTICATED', 'Authentication required');
    this.dbHandle ??= new RequestDb(this.deps.requestOrm, dbScopeOf(this.actor), (err) =>
      this.logger.error({ err }, 'after-commit work failed'),
    );
    return this.dbHandle;
  }

  /** Object-level checks (`access.require(actor, 'users:read', [id])`) under the request's scope. */
  get access(): ObjectAccess {
    this.accessHandle ??= new ObjectAccess(this.deps.access, () => this.db);
    return this.accessHandle;
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
    // Only a signed-in request has a scoped read to ride along with.
    return fieldAudit(note, (n) => {
      const entry = this.actor ? this.audit.entryOf(n, 'allowed') : undefined;
      return entry ? auditInsertStatement([entry], this.deps.auditMac) : undefined;
    });
  }

  /**
   * Ends the request: its audit entries commit with its transaction, or — for a request that
   * opened none — through the batcher. Either way they are durable before the response leaves.
   * After-commit work (outbox hand-offs) runs once the commit has succeeded.
   */
  async finish(): Promise<void> {
    const db = this.dbHandle;
    // An entry of another org (a sign-in made while carrying a token) cannot be written in this
    // org's scope: it goes through the batcher, as the sign-in of an anonymous caller does.
    const elsewhere = this.audit.entries.filter((e) => e.orgId !== this.actor?.orgId);
    const entries = elsewhere.length ? this.audit.entries.filter((e) => e.orgId === this.actor?.orgId) : this.audit.entries;
    const { adminEntries } = this.audit;
    if (elsewhere.length) await this.deps.auditBatcher.append(elsewhere);
    if (db?.inTransaction) {
      try {
        const em = await db.em();
        await appendInTransaction(em, entries, this.deps.auditMac);
        await insertAdminAuditEntries(em, adminEntries);
        await db.commit();
      } catch (err) {
        await db.rollback();
        await this.deps.auditBatcher.append(
          entries.map((e) => ({ ...e, outcome: 'error' as const, details: { ...e.details, rolledBack: true } })),
        );
        throw err;
      }
    } else {
      if (entries.length > 0) await this.deps.auditBatcher.append(entries);
      // Nothing was written, so after-commit work registered on reads runs now.
      await db?.commit();
    }
  }
}
