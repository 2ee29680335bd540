// One step-up prompt for however many operations are waiting on it: every operation that answered
// MFA_REQUIRED while the prompt is open waits for the same outcome, then retries (or fails) together.
export type StepUpState = { open: boolean; reason: string | null };

export type StepUpCoordinator = {
  /** Opens the prompt (or joins the open one). Resolves true once a fresh AAL2 token is in place. */
  request(reason?: string): Promise<boolean>;
  /** Called by the prompt when the person verified (true) or gave up (false). */
  settle(verified: boolean): void;
  getState(): StepUpState;
  subscribe(listener: () => void): () => void;
};

export function createStepUpCoordinator(): StepUpCoordinator {
  let state: StepUpState = { open: false, reason: null };
  let waiters: Array<(verified: boolean) => void> = [];
  const listeners = new Set<() => void>();

  const setState = (next: StepUpState): void => {
    state = next;
    for (const listener of listeners) listener();
  };

  return {
    request(reason) {
      return new Promise<boolean>((resolve) => {
        waiters.push(resolve);
        if (!state.open) setState({ open: true, reason: reason ?? null });
      });
    },
    settle(verified) {
      const pending = waiters;
      waiters = [];
      setState({ open: false, reason: null });
      for (const resolve of pending) resolve(verified);
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
