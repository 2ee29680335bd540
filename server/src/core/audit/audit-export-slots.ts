import type { ConcurrencyLimiter } from '@/lib/concurrency/concurrency-limiter';
import { AppError } from '@/lib/errors/app-error';
import type { Env } from '@/config/env';

export type ExportLimits = { total: number; perOrg: number; perUser: number };

export const exportLimitsOf = (env: Env): ExportLimits => ({
  total: env.EXPORT_MAX_CONCURRENT,
  perOrg: env.EXPORT_MAX_PER_ORG,
  perUser: env.EXPORT_MAX_PER_USER,
});

// Exports take seconds: a client told to wait this long finds a slot free, or is told again.
const RETRY_AFTER_SECONDS = 5;

/**
 * A slot for one export by `who`, released by the function returned; or RATE_LIMITED (429) naming
 * the limit that is full. Each org may hold fewer slots than the process has (env.ts holds
 * EXPORT_MAX_PER_ORG below EXPORT_MAX_CONCURRENT), so another org always finds one.
 */
export function takeExportSlot(slots: ConcurrencyLimiter, limits: ExportLimits, who: { orgId: string; actorId: string }) {
  const grant = slots.tryAcquire([
    { key: 'exports', max: limits.total },
    { key: `exports:org:${who.orgId}`, max: limits.perOrg },
    { key: `exports:actor:${who.actorId}`, max: limits.perUser },
  ]);
  if (grant.ok) return grant.release;
  throw new AppError('RATE_LIMITED', refusal(grant.full, limits), { retryAfterSeconds: RETRY_AFTER_SECONDS });
}

function refusal(full: string, limits: ExportLimits): string {
  if (full === 'exports') return `The server is running as many audit exports as it allows (${limits.total}); try again shortly`;
  if (full.startsWith('exports:org:')) {
    return `Your organization is already running ${limits.perOrg} audit exports, its limit; try again when one has finished`;
  }
  return limits.perUser === 1
    ? 'You are already running an audit export; try again when it has finished'
    : `You are already running ${limits.perUser} audit exports, your limit; try again when one has finished`;
}
