import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { RequestContext } from './context';
import type { AppDeps } from './deps';
import { makeFormatError } from './format-error';

/**
 * Ends each request: its audit entries and its transaction commit before the response leaves.
 * A failure there turns the response into an error — the client is never told "done" for work
 * that did not commit.
 */
const commitAndAudit: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response, errors }) {
        if (contextValue.actor && contextValue.audit.entries.length === 0 && errors?.length) {
          // Refused before any field ran (parse, validation, limits): still an audited attempt.
          contextValue.audit.record(
            { action: 'graphql.rejected', resourceType: null, resourceId: null, dealId: null, details: {} },
            'denied',
            errors[0],
          );
        }
        try {
          await contextValue.finish();
        } catch (err) {
          contextValue.deps.logger.error({ err, requestId: contextValue.requestId }, 'commit failed');
          if (response.body.kind === 'single') {
            response.body.singleResult.data = null;
            response.body.singleResult.errors = [
              { message: 'The request could not be completed', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
            ];
          }
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

export function createGraphQLServer(deps: AppDeps, schema: GraphQLSchema): ApolloServer<RequestContext> {
  const { env } = deps;
  const armor = new ApolloArmor({
    maxDepth: { n: env.GRAPHQL_MAX_DEPTH },
    maxAliases: { n: env.GRAPHQL_MAX_ALIASES },
    costLimit: { maxCost: env.GRAPHQL_MAX_COST },
    maxDirectives: { n: env.GRAPHQL_MAX_DIRECTIVES },
    maxTokens: { n: env.GRAPHQL_MAX_TOKENS },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return new ApolloServer<RequestContext>({
    schema,
    formatError: makeFormatError(deps.logger),
    introspection: true,
    csrfPrevention: true,
    // Batches are allowed but bounded (see http.ts), each operation audited on its own.
    allowBatchedHttpRequests: true,
    includeStacktraceInErrorResponses: false,
    validationRules: armor.validationRules,
    // Responses are per user and never cached: the cache-control plugin's per-field hook only costs.
    plugins: [
      ...armor.plugins,
      commitAndAudit,
      introspectionForSignedIn,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}
