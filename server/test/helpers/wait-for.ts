/**
 * Polls `probe` until it gives a value (anything but undefined) and returns it; fails naming
 * `what` once `timeoutMs` has passed. For what a test waits on from outside: a poll landing, a
 * job running, a row appearing.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
