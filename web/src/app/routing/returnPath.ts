/**
 * The page a person was on when the session ended, carried in router state from `RequireSession`
 * through the sign-in page to `LandingRedirect`, which decides whether they may go back to it.
 */
export type ReturnState = { from: string };

export function returnStateFor(from: string | null | undefined): ReturnState | null {
  return from ? { from } : null;
}

/** The path in a location's state, when it carries one (state is whatever the last navigation set). */
export function returnPathIn(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('from' in state)) return undefined;
  const { from } = state as { from: unknown };
  return typeof from === 'string' && from !== '' ? from : undefined;
}
