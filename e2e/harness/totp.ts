import { generate } from 'otplib';

const PERIOD_MS = 30_000;
const lastStep = new Map<string, number>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A code the server has not seen yet. Vigil refuses a replayed code, so two verifications in one
 * 30-second step would fail; wait for the next step instead (also when a step is about to end).
 */
export async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / PERIOD_MS);
    const msLeft = (step + 1) * PERIOD_MS - now;
    if (step !== lastStep.get(secret) && msLeft > 4_000) {
      lastStep.set(secret, step);
      return generate({ secret, epoch: Math.floor(now / 1000) });
    }
    await sleep(msLeft + 250);
  }
}
