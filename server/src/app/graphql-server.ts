import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { CoreDeps } from '@/core/deps';
import { formatError, isInternalError } from '@/core/errors/format-error';
import { inputTextGuard } from '@/core/graphql/input-text-guard';
import { queryLimits } from '@/core/graphql/query-limits';
import { operationAudit } from '@/core/request/operation-audit.plugin';
import type { RequestContext } from '@/core/request/request-context';

/**
 * An unexpected error is logged under the request's id (its INTERNAL_SERVER_ERROR answer carries
 * the id: core/request/operation-audit.plugin.ts), so a report from a client finds the log line.
 */
const logUnexpectedErrors: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors }) {
        for (const err of errors) {
          if (isInternalError(err))
            contextValue.logger.error({ err: err.originalError ?? err, path: err.path }, 'unexpected error');
        }
      },
    };
  },
};

/** Introspection is for signed-in callers only. */
const introspectionForSignedIn: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, document }) {
        if (contextValue.actor) return;
        if (asksForIntrospection(document)) {
          throw new GraphQLError('Introspection needs a signed-in session', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        }
      },
    };
  },
};

// A walk of the document's fields: cheaper than running a validation rule against the schema.
function asksForIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * Armor's token limit is an Apollo plugin that parses each document a first time in
 * `parsingDidStart`, where Apollo takes any throw for a server fault, and whose
 * `unexpectedErrorProcessingRequest` re-labels every such fault GRAPHQL_VALIDATION_FAILED with the
 * fault's own message: every syntax error and every over-limit document answered HTTP 500, and an
 * internal error's message could reach the client. Apollo's own parse counts the tokens instead
 * (`parseOptions.maxTokens`): one parse, GRAPHQL_PARSE_FAILED, HTTP 400. No plugin of ours relabels
 * unexpected errors, so a plugin that does is left out, whatever query-limits.ts configures.
 */
const keepsUnexpectedErrorsInternal = (plugin: ApolloServerPlugin<RequestContext>) => !plugin.unexpectedErrorProcessingRequest;

export function createGraphQLServer(deps: CoreDeps, schema: GraphQLSchema): ApolloServer<RequestContext> {
  const { env } = deps;
  // Depth, aliases, directives, tokens and one cost budget (shape + declared field costs), introspection included.
  const armor = queryLimits(env, deps.rootFields);
  return new ApolloServer<RequestContext>({
    schema,
    formatError,
    introspection: true,
    csrfPrevention: true,
    // main.ts owns SIGINT/SIGTERM and stops every part in order (Apollo among them); Apollo's own
    // handler would stop it a second time concurrently and then re-raise the signal to kill the
    // process, before the database is closed.
    stopOnTerminationSignals: false,
    // Batches are allowed but bounded (see http.ts), each operation audited on its own.
    allowBatchedHttpRequests: true,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: env.GRAPHQL_MAX_TOKENS },
    validationRules: armor.validationRules,
    // Responses are per user and never cached: the cache-control plugin's per-field hook only costs.
    plugins: [
      ...armor.plugins.filter(keepsUnexpectedErrorsInternal),
      operationAudit,
      logUnexpectedErrors,
      inputTextGuard(env.INPUT_MAX_STRING_LENGTH),
      introspectionForSignedIn,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}
