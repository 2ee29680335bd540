/** A limit on how many run at once under one key (`all`, an org, a user). */
export type SlotLimit = { key: string; max: number };

export type SlotGrant = { ok: true; release: () => void } | { ok: false; full: string };

/**
 * Counts the work running at once under keys and refuses work that would take any key past its
 * limit: all-or-nothing, so a refusal holds nothing. In-process: it bounds what this process
 * runs (its pool, its memory); each replica keeps its own counts.
 */
export class ConcurrencyLimiter {
  private readonly running = new Map<string, number>();

  tryAcquire(limits: readonly SlotLimit[]): SlotGrant {
    const full = limits.find((l) => (this.running.get(l.key) ?? 0) >= l.max);
    if (full) return { ok: false, full: full.key };
    for (const l of limits) this.running.set(l.key, (this.running.get(l.key) ?? 0) + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        for (const l of limits) {
          const n = (this.running.get(l.key) ?? 1) - 1;
          if (n > 0) this.running.set(l.key, n);
          else this.running.delete(l.key);
        }
      },
    };
  }

  /** How many run under `key` now. */
  count(key: string): number {
    return this.running.get(key) ?? 0;
  }
}
