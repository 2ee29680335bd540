import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode } from 'graphql';
import { AUDIT_ACTIONS } from '@/core/audit/audit-actions';
import type { RequestContext } from './request-context';

/**
 * One audit entry per root field of each operation, and one for an operation in which no root
 * field ran: refused before execution (parse, validation, limits: `graphql.rejected`, denied,
 * with the reason) or asking only for meta fields (`__typename`, introspection:
 * `graphql.meta`). Then the operation's entries and its transaction commit before the
 * response leaves; a failure there turns the response into an error — the client is never
 * told "done" for work that did not commit.
 *
 * Each operation of a batch gets its own copy of the request context (Apollo's), and
 * `startOperation` gives that copy its own entries, notes and transaction.
 */
export const operationAudit: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ contextValue }) {
    contextValue.startOperation();
    return {
      async willSendResponse({ contextValue: ctx, response, errors, document }) {
        if (ctx.actor && !ctx.ranAnyField) {
          const note = { resourceType: null, resourceId: null, dealId: null };
          if (errors?.length) {
            ctx.audit.record({ ...note, action: AUDIT_ACTIONS.requestRejected, details: {} }, 'denied', errors[0]);
          } else {
            ctx.audit.record({ ...note, action: AUDIT_ACTIONS.metaOnly, details: { fields: metaFieldsOf(document) } }, 'allowed');
          }
        }
        try {
          await ctx.finish();
        } catch (err) {
          ctx.logger.error({ err }, 'commit failed');
          if (response.body.kind === 'single') {
            response.body.singleResult.data = null;
            response.body.singleResult.errors = [
              { message: 'The request could not be completed', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
            ];
          }
        }
        // Last, so that the error above carries it too.
        if (response.body.kind === 'single') stampRequestId(response.body.singleResult.errors, ctx.requestId);
      },
    };
  },
};

// The top-level field names of a document that ran no root field: what was asked for.
function metaFieldsOf(document: DocumentNode | undefined): string[] {
  const names = new Set<string>();
  for (const def of document?.definitions ?? []) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const sel of def.selectionSet.selections) if (sel.kind === Kind.FIELD) names.add(sel.name.value);
  }
  return [...names].slice(0, 20);
}

/** An INTERNAL_SERVER_ERROR answer carries the request id, which names its log line. */
function stampRequestId(errors: readonly { extensions?: Record<string, unknown> }[] | undefined, requestId: string): void {
  for (const e of errors ?? []) {
    if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') e.extensions.requestId = requestId;
  }
}
