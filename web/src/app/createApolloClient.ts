import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { Observable } from 'rxjs';
import { errorCodesOf } from '@/ui/lib/errorCodes';
import { errorActionForCodes } from './errors/errorActionFor';
import { sessionStore } from './session/sessionStore';
import { stepUpCoordinator } from './stepUp/stepUpCoordinator';

// Read the token on every attempt, so an operation retried after step-up carries the new one.
// An operation may name its own token (context.token): sign-in verifies a code with a token that
// is not the session's yet.
const authLink = new ApolloLink((operation, forward) => {
  const explicit: unknown = operation.getContext().token;
  const token = typeof explicit === 'string' ? explicit : sessionStore.token();
  operation.setContext({ sentToken: token });
  operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
    headers: {
      ...headers,
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  }));
  return forward(operation);
});

const errorLink = new ErrorLink(({ error, operation, forward }) => {
  const action = errorActionForCodes(errorCodesOf(error), operation.operationName);
  if (action === 'sign-out') {
    // Step-up and enrolment revoke the token they replace: an operation that was already in flight
    // with the old token is retried once with the new one instead of ending the new session.
    const context = operation.getContext();
    const current = sessionStore.token();
    if (current && context.sentToken !== current && context.staleTokenRetried !== true) {
      operation.setContext({ staleTokenRetried: true });
      return forward(operation);
    }
    if (context.token === undefined) sessionStore.clear();
    return;
  }
  if (action !== 'step-up' || operation.getContext().stepUpRetried === true) return;

  return new Observable<ApolloLink.Result>((observer) => {
    let inner: { unsubscribe(): void } | undefined;
    stepUpCoordinator.request().then(
      (verified) => {
        if (!verified) {
          observer.error(error);
          return;
        }
        operation.setContext({ stepUpRetried: true });
        inner = forward(operation).subscribe(observer);
      },
      (reason: unknown) => observer.error(reason),
    );
    return () => inner?.unsubscribe();
  });
});

/** `transport` is the HTTP link in the console; tests pass a fake server. */
export function createApolloClient(transport: ApolloLink = new HttpLink({ uri: '/graphql' })): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([errorLink, authLink, transport]),
    cache: new InMemoryCache({
      typePolicies: {
        // Viewer has no id; there is only one per session.
        Viewer: { keyFields: [] },
        Query: { fields: { me: { merge: true } } },
      },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network' },
    },
  });
}
