import type { ServerResponse } from 'node:http';

/** Why a streamed response was cut short by the server. */
export class ResponseCut extends Error {
  constructor(readonly reason: 'client_gone' | 'stalled' | 'deadline') {
    super(`response cut: ${reason}`);
    this.name = 'ResponseCut';
  }
}

/**
 * A signal for a long streamed response that fires when its client goes away before the end, or
 * stops reading: the response stays full (needs a drain) for `stallMs` without one. A client
 * that reads, however slowly, keeps it alive; one that never reads cannot hold what feeds it.
 */
export function responseAbort(res: ServerResponse, stallMs: number): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const cut = (reason: ResponseCut['reason']) => {
    if (!controller.signal.aborted) controller.abort(new ResponseCut(reason));
  };
  const onClose = () => {
    if (!res.writableFinished) cut('client_gone');
  };
  let blockedSince: number | undefined;
  const onDrain = () => {
    blockedSince = undefined;
  };
  const timer = setInterval(
    () => {
      if (!res.writableNeedDrain) {
        blockedSince = undefined;
        return;
      }
      blockedSince ??= Date.now();
      if (Date.now() - blockedSince >= stallMs) cut('stalled');
    },
    Math.max(50, Math.min(1000, stallMs / 4)),
  );
  timer.unref();
  res.on('close', onClose);
  res.on('drain', onDrain);
  return {
    signal: controller.signal,
    dispose() {
      clearInterval(timer);
      res.off('close', onClose);
      res.off('drain', onDrain);
    },
  };
}
