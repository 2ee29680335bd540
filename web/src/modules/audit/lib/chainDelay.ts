/**
 * When the chaining delay is a problem. The chainer links new entries every AUDIT_CHAIN_INTERVAL_MS
 * (50 ms by default), so the worst delay over a minute is normally tens to a few hundred
 * milliseconds, and a busy database can push it to a second or two. Five seconds is a hundred
 * chaining rounds: the chainer is falling behind or stalled, and entries wait that long before the
 * chain protects them. Below it the figure is noise and is not colored.
 */
export const CHAIN_DELAY_WARNING_MS = 5_000;

export type ChainDelayLevel = 'unknown' | 'normal' | 'slow';

export function chainDelayLevel(delayMs: number | null | undefined): ChainDelayLevel {
  if (delayMs == null) return 'unknown';
  return delayMs > CHAIN_DELAY_WARNING_MS ? 'slow' : 'normal';
}

/** "57 ms" below a second, "5.2 s" above: the unit a person would say. */
export function formatChainDelay(delayMs: number | null | undefined): string {
  if (delayMs == null) return '—';
  if (delayMs < 1000) return `${Math.round(delayMs)} ms`;
  return `${(delayMs / 1000).toFixed(delayMs < 10_000 ? 1 : 0)} s`;
}
