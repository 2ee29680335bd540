import { ApolloLink, gql } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Observable } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApolloClient } from './createApolloClient';
import { sessionStore } from './session/sessionStore';
import { stepUpCoordinator } from './stepUp/stepUpCoordinator';

type Reply = { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions: { code: string } }> };

/** A fake server: answers each request with the next reply and records the headers it was sent. */
function fakeServer(replies: Array<Reply | (() => Reply)>) {
  const seen: Array<Record<string, string>> = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        seen.push({ ...(operation.getContext().headers as Record<string, string>) });
        const next = replies.shift();
        if (!next) throw new Error('unexpected extra request');
        observer.next((typeof next === 'function' ? next() : next) as ApolloLink.Result);
        observer.complete();
      }),
  );
  return { link, seen };
}

const err = (code: string): Reply => ({ errors: [{ message: code.toLowerCase(), extensions: { code } }] });
const PING = gql`
  mutation Ping {
    ping
  }
`;
const LOGIN = gql`
  mutation Login {
    login
  }
`;
const session = (token: string) => ({ token, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), aal: 1 });

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

describe('createApolloClient links', () => {
  beforeEach(() => sessionStore.set(session('token-a')));
  afterEach(() => {
    if (stepUpCoordinator.getState().open) stepUpCoordinator.settle(false);
    sessionStore.clear();
  });

  it('should send the session token as a Bearer header with the CSRF preflight header', async () => {
    const server = fakeServer([{ data: { ping: true } }]);
    await createApolloClient(server.link).mutate({ mutation: PING });
    expect(server.seen[0]).toMatchObject({ authorization: 'Bearer token-a', 'apollo-require-preflight': 'true' });
  });

  it('should open step-up and retry with the new token when an operation answers MFA_REQUIRED', async () => {
    const server = fakeServer([err('MFA_REQUIRED'), { data: { ping: true } }]);
    const pending = createApolloClient(server.link).mutate({ mutation: PING });
    await until(() => stepUpCoordinator.getState().open);
    sessionStore.set({ ...session('token-b'), aal: 2 });
    stepUpCoordinator.settle(true);
    await expect(pending).resolves.toMatchObject({ data: { ping: true } });
    expect(server.seen.map((h) => h.authorization)).toEqual(['Bearer token-a', 'Bearer token-b']);
  });

  it('should fail with MFA_REQUIRED and not retry when the person cancels step-up', async () => {
    const server = fakeServer([err('MFA_REQUIRED')]);
    const pending = createApolloClient(server.link).mutate({ mutation: PING });
    await until(() => stepUpCoordinator.getState().open);
    stepUpCoordinator.settle(false);
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(CombinedGraphQLErrors.is(error) && error.errors[0]?.extensions?.code).toBe('MFA_REQUIRED');
    expect(server.seen).toHaveLength(1);
  });

  it('should drop the session when an ordinary operation answers UNAUTHENTICATED', async () => {
    const server = fakeServer([err('UNAUTHENTICATED')]);
    await createApolloClient(server.link)
      .mutate({ mutation: PING })
      .catch(() => undefined);
    expect(sessionStore.get()).toBeNull();
  });

  it('should keep the session when Login answers UNAUTHENTICATED (a wrong password)', async () => {
    const server = fakeServer([err('UNAUTHENTICATED')]);
    await createApolloClient(server.link)
      .mutate({ mutation: LOGIN })
      .catch(() => undefined);
    expect(sessionStore.token()).toBe('token-a');
  });

  it('should retry once with the new token when the token it was sent with was replaced meanwhile', async () => {
    const server = fakeServer([
      () => {
        // Step-up finished while this request was in flight and revoked token-a.
        sessionStore.set({ ...session('token-b'), aal: 2 });
        return err('UNAUTHENTICATED');
      },
      { data: { ping: true } },
    ]);
    await expect(createApolloClient(server.link).mutate({ mutation: PING })).resolves.toMatchObject({ data: { ping: true } });
    expect(server.seen.map((h) => h.authorization)).toEqual(['Bearer token-a', 'Bearer token-b']);
    expect(sessionStore.token()).toBe('token-b');
  });

  it('should show access denied rather than sign out when an operation answers FORBIDDEN', async () => {
    const server = fakeServer([err('FORBIDDEN')]);
    const error: unknown = await createApolloClient(server.link)
      .mutate({ mutation: PING })
      .catch((e: unknown) => e);
    expect(CombinedGraphQLErrors.is(error)).toBe(true);
    expect(sessionStore.token()).toBe('token-a');
  });
});
