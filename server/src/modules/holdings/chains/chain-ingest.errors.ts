// Why a run of the chain ingest stopped without writing. Both leave every table as it was, so the
// next run starts from the same cursor; neither is the caller's fault (no AppError code).

/** The node answered about blocks that no longer agree with each other: a reorg is under way. Retry next cycle. */
export class ChainChangedDuringReadError extends Error {
  constructor(detail: string) {
    super(`the chain changed while it was read: ${detail}`);
    this.name = 'ChainChangedDuringReadError';
  }
}

/**
 * None of the kept block hashes is on the canonical chain any more (or a wallet's cursor below
 * the window is orphaned): the fork is deeper than the window, so where to roll back to is not
 * known. Nothing is guessed; an operator decides (a wider reorgWindow, a re-read from a block).
 */
export class ReorgBeyondWindowError extends Error {
  constructor(
    readonly chainId: number,
    detail: string,
  ) {
    super(`chain ${chainId}: reorg deeper than the kept window: ${detail}`);
    this.name = 'ReorgBeyondWindowError';
  }
}
