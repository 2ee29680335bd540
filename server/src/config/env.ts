import { isIP } from 'node:net';
import { z } from 'zod';
import { parseKeyRing } from '@/lib/crypto/key-ring';
import { SLUG_PATTERN } from '@/lib/text/slug';
import { chainsEnvSchema } from './chains';
import { EXCHANGE_API_BASE_ENV } from './exchange-api-base';
import { PREDICTION_VENUE_ENV } from './prediction-venue';

// The one place that reads process.env. Parsed once at boot; a bad value stops the process.
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Demo mode's poll interval when POLL_INTERVAL_SECONDS is not set. */
export const DEMO_POLL_INTERVAL_SECONDS = 15;

const MAX_EGRESS_ADDRESSES = 64;

function egressList(value: string): string[] {
  return value
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a !== '');
}

/** What is wrong with a POLL_EGRESS_ADDRESSES value, in words; undefined when nothing is. */
function egressProblem(value: string): string | undefined {
  const list = egressList(value);
  const notIp = list.find((a) => isIP(a) === 0);
  if (notIp !== undefined) return `"${notIp}" is not an IP address (a comma-separated list of local IPv4 or IPv6 addresses)`;
  const twice = list.find((a, i) => list.indexOf(a) !== i);
  if (twice !== undefined) return `${twice} is listed twice (each address is one egress, with its own budget)`;
  if (list.length > MAX_EGRESS_ADDRESSES) return `${list.length} addresses listed, at most ${MAX_EGRESS_ADDRESSES}`;
  return undefined;
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    VIGIL_MODE: z.enum(['all', 'api', 'worker']).default('all'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().default('127.0.0.1'),
    PUBLIC_ORIGIN: z.url().default('http://localhost:4000'),
    // Without DATABASE_URL the server embeds PostgreSQL (PGlite) with its data in DATA_DIR.
    DATABASE_URL: z.string().optional(),
    // Runs migrations (an administrator or a member of vigil_owner). Defaults to DATABASE_URL.
    DATABASE_ADMIN_URL: z.string().optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(12),
    DATABASE_REQUEST_URL: z
      .string()
      .optional()
      .describe(
        'Requests connect as vigil_request, which can act only as vigil_user (RLS-bound): SQL in a request can never become ' +
          'vigil_system. DATABASE_URL (vigil_app) is then the system pool. Without it, requests share DATABASE_URL (development only).',
      ),
    DATABASE_SYSTEM_POOL_MAX: z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .default(6)
      .describe('Connections of the system pool (audit, chainer, jobs, sign-in lookups).'),
    // Without REDIS_URL: in-memory denylist, rate limits and job runner (one node only).
    REDIS_URL: z.string().optional(),
    // Namespaces every Redis key (denylist, rate limits, queues), so deployments can share a server.
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[a-z0-9:_-]{1,40}$/)
      .default('vigil:'),
    DATA_DIR: z.string().default('./.data'),
    JWT_SECRET: z
      .string()
      .refine((v) => BASE64.test(v) && Buffer.from(v, 'base64').length >= 32, 'must be at least 32 bytes, base64-encoded')
      .optional()
      .describe('HS256 signing key for access tokens: at least 32 random bytes, base64.'),
    ENCRYPTION_KEYS: z
      .string()
      .superRefine((v, ctx) => {
        try {
          parseKeyRing(v);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
        }
      })
      .optional()
      .describe('Key ring "keyId:base64key,keyId:base64key" (32-byte AES-256 keys, newest last).'),
    ENCRYPTION_KEYS_FILE: z.string().optional(),
    TRUST_PROXY: z.string().default('loopback'),
    WEB_DIST_DIR: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).default(10),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(30),
    GRAPHQL_MAX_COST: z.coerce.number().int().min(1).default(5000),
    GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(1).default(20),
    GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(1).default(2000),
    GRAPHQL_MAX_BATCH: z.coerce.number().int().min(1).default(5),
    BODY_LIMIT: z.string().default('100kb'),
    INPUT_MAX_STRING_LENGTH: z.coerce
      .number()
      .int()
      .min(1000)
      .max(1_000_000)
      .default(10_000)
      .describe(
        'Longest string any API input may hold (GraphQL variables and literals, REST query values): longer is ' +
          'BAD_USER_INPUT at the edge. Fields keep their own, tighter limits; this bounds a field that has none.',
      ),
    EXPORT_MAX_CONCURRENT: z.coerce
      .number()
      .int()
      .min(2)
      .max(100)
      .default(4)
      .describe(
        'CSV exports running at once in this process; each holds one connection of a pool of its own, never one ' +
          "of the requests' pool. Over it, an export is refused with RATE_LIMITED (429).",
      ),
    EXPORT_MAX_PER_ORG: z.coerce
      .number()
      .int()
      .min(1)
      .default(2)
      .describe('CSV exports one organization may run at once in this process: the rest stay for other organizations.'),
    EXPORT_MAX_PER_USER: z.coerce
      .number()
      .int()
      .min(1)
      .default(1)
      .describe('CSV exports one user (or API key) may run at once in this process.'),
    EXPORT_STATEMENT_TIMEOUT_SECONDS: z.coerce
      .number()
      .min(1)
      .default(600)
      .describe(
        "Longest an export may run: the COPY's statement_timeout, and the deadline after which the server cuts " +
          'the export and its database connection (PostgreSQL cannot cancel a backend blocked on a slow reader).',
      ),
    EXPORT_STALL_TIMEOUT_SECONDS: z.coerce
      .number()
      .min(1)
      .default(30)
      .describe(
        'An export whose client has taken nothing for this long (the response stays full) is cut, and its query ' +
          'with it: a reader that never reads cannot hold a connection.',
      ),
    MFA_MAX_FAILURES_PER_USER: z.coerce.number().int().min(1).default(5),
    MFA_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
    MFA_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
    LOGIN_ACCOUNT_FREE_FAILURES: z.coerce
      .number()
      .int()
      .min(1)
      .default(10)
      .describe('Failed sign-ins (or current-password guesses) per account, from any IPs, before each further attempt waits.'),
    LOGIN_ACCOUNT_BASE_DELAY_MS: z.coerce
      .number()
      .int()
      .min(1)
      .default(1000)
      .describe('The first wait; each further failure doubles it.'),
    LOGIN_ACCOUNT_MAX_DELAY_SECONDS: z.coerce
      .number()
      .min(0.001)
      .default(60)
      .describe('The longest wait between attempts on one account: an attacker cannot lock its owner out for longer.'),
    AUDIT_CHAIN_INTERVAL_MS: z.coerce.number().int().min(5).default(50),
    AUDIT_VERIFY_EVERY_MINUTES: z.coerce.number().min(0.01).default(60),
    AUDIT_STATUS_CACHE_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(60_000)
      .default(2000)
      .describe("How long an org's verified chain status answers its callers before the chain is walked again (ms)."),
    // Each job queue's concurrency per worker process and, optionally, its rate (jobs per second
    // across all workers): a slow venue or partner cannot starve another concern.
    QUEUE_POLLING_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
    QUEUE_POLLING_PER_SECOND: z.coerce.number().int().min(1).optional(),
    QUEUE_WEBHOOKS_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
    QUEUE_WEBHOOKS_PER_SECOND: z.coerce.number().int().min(1).optional(),
    QUEUE_PAYMENTS_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(2),
    QUEUE_PAYMENTS_PER_SECOND: z.coerce.number().int().min(1).optional(),
    QUEUE_MAINTENANCE_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(1),
    OUTBOX_SWEEP_EVERY_SECONDS: z.coerce.number().min(0.01).default(30).describe('How often the outbox sweeper runs.'),
    OUTBOX_STALE_AFTER_SECONDS: z.coerce
      .number()
      .min(0)
      .default(30)
      .describe('An outbox row older than this was not sent by its writer and is re-queued by the sweeper.'),
    // Holdings polling (issue 10). Exchange API bases replace every ccxt URL group of one venue
    // (paths kept): a regional host, or a local double in tests and the demo.
    ...EXCHANGE_API_BASE_ENV,
    ...PREDICTION_VENUE_ENV,
    POLL_INTERVAL_SECONDS: z.coerce
      .number()
      .min(0.05)
      .max(86_400)
      .optional()
      .describe(
        `How often every exchange connection and wallet is polled (default 5 minutes; ${DEMO_POLL_INTERVAL_SECONDS} s in demo mode).`,
      ),
    POLL_JITTER_SECONDS: z.coerce
      .number()
      .min(0)
      .optional()
      .describe('Random extra delay per poll, spreading a cycle (default: a tenth of the interval).'),
    POLL_SCHEDULE_EVERY_SECONDS: z.coerce
      .number()
      .min(0.02)
      .optional()
      .describe('How often due connections are claimed and queued (default: a tenth of the interval, at most 10 s).'),
    POLL_EGRESS_ADDRESSES: z
      .string()
      .default('')
      .transform((value, ctx) => {
        const problem = egressProblem(value);
        if (problem === undefined) return egressList(value);
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      })
      .describe(
        'Local IP addresses (IPv4 or IPv6, comma-separated, at most 64) the poller binds its venue requests to, each ' +
          "connection always to the same one: a venue's per-IP limit (Binance: 6,000 weight a minute, ~380 connections " +
          'of two held markets a cycle) is then per address. Each must leave as a distinct public IP (behind one NAT they are one IP: list ' +
          "one), and every one must be on each employee's IP allow-list if they use one. Unset: the OS chooses (one egress).",
      ),
    CHAINS: chainsEnvSchema,
    PRICING_VENUE: z
      .enum(['binance', 'coinbase', 'kraken', 'okx', 'bybit', 'kucoin', 'gemini', 'none'])
      .default('kraken')
      .describe(
        'The venue whose public tickers value holdings (no key, no identity; EXCHANGE_API_BASE_<VENUE> applies). ' +
          'Refreshed every poll interval for the assets held. none: no prices are read, every asset shows unpriced. ' +
          'Under NODE_ENV=test the venue is asked only through its EXCHANGE_API_BASE_<VENUE> (a double), never the internet.',
      ),
    REFERENCE_CURRENCY: z
      .string()
      .regex(/^[A-Z]{2,10}$/, 'must be a currency code in capitals, e.g. USD')
      .default('USD')
      .describe('The currency holdings are valued in: an asset is priced from its <ASSET>/<REFERENCE_CURRENCY> ticker.'),
    KEY_EXPIRY_WARNING_DAYS: z.coerce
      .number()
      .min(0)
      .max(365)
      .default(14)
      .describe('A venue-reported key expiry this close opens a key_expiring alert.'),
    // When set and the database has no organization yet, one is created with this first Admin
    // (the quick start uses it; production uses the create-admin CLI command).
    FIRST_ADMIN_EMAIL: z.email().optional(),
    FIRST_ADMIN_PASSWORD: z.string().min(12).optional(),
    FIRST_ORG_NAME: z.string().min(1).max(200).default('My organization'),
    FIRST_ADMIN_STATUS_FILE: z
      .string()
      .optional()
      .describe('Where to write whether the first Admin still signs in with FIRST_ADMIN_PASSWORD (npm start reads it).'),
    VIGIL_DEMO: z
      .stringbool()
      .default(false)
      .describe(
        'Demo mode for a first look (never in production): a simulated exchange and chain served in-process on ' +
          'loopback, reached through the real adapters, and three demo employees onboarded against them.',
      ),
    DEMO_REVOKE_AFTER_SECONDS: z.coerce
      .number()
      .min(0)
      .max(86_400)
      .default(90)
      .describe("Demo mode: how long after seeding the simulated exchange revokes one demo employee's key."),
    FIRST_ORG_SLUG: z
      .string()
      .regex(SLUG_PATTERN, 'must be 1–63 lower-case letters, digits and inner hyphens')
      .optional()
      .describe('What its people type to sign in to the first organization (default: from FIRST_ORG_NAME).'),
  })
  .superRefine((env, ctx) => {
    const need = (ok: boolean, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    // Without Redis, jobs run in process: a process that only serves (api) or only works
    // (worker) would send jobs nobody runs, or run none.
    need(
      env.VIGIL_MODE === 'all' || !!env.REDIS_URL,
      'REDIS_URL',
      `mode ${env.VIGIL_MODE} needs Redis (jobs reach workers through it)`,
    );
    need(
      env.EXPORT_MAX_PER_ORG < env.EXPORT_MAX_CONCURRENT,
      'EXPORT_MAX_PER_ORG',
      'must be below EXPORT_MAX_CONCURRENT, so that one organization cannot take every export slot',
    );
    need(env.EXPORT_MAX_PER_USER <= env.EXPORT_MAX_PER_ORG, 'EXPORT_MAX_PER_USER', 'must not exceed EXPORT_MAX_PER_ORG');
    // The demo's simulated venue and chain live in one process, and never in production.
    need(
      !(env.VIGIL_DEMO && env.NODE_ENV === 'production'),
      'VIGIL_DEMO',
      'demo mode (a simulated exchange and chain, demo employees) can never run in production',
    );
    need(
      !env.VIGIL_DEMO || env.VIGIL_MODE === 'all',
      'VIGIL_DEMO',
      'demo mode runs in one process (VIGIL_MODE=all): its simulated exchange and chain live in it',
    );
    if (env.NODE_ENV !== 'production') return;
    need(!!env.DATABASE_URL, 'DATABASE_URL', 'production needs a PostgreSQL server');
    need(
      !!env.DATABASE_REQUEST_URL,
      'DATABASE_REQUEST_URL',
      'production connects requests as vigil_request, apart from the system',
    );
    need(!!env.REDIS_URL, 'REDIS_URL', 'production needs Redis (denylist, rate limits, jobs)');
    need(!!env.JWT_SECRET, 'JWT_SECRET', 'production needs a signing key');
    need(!!(env.ENCRYPTION_KEYS || env.ENCRYPTION_KEYS_FILE), 'ENCRYPTION_KEYS', 'production needs a key ring');
    need(env.PUBLIC_ORIGIN.startsWith('https://'), 'PUBLIC_ORIGIN', 'production serves HTTPS only');
    need(!env.FIRST_ADMIN_PASSWORD, 'FIRST_ADMIN_PASSWORD', 'production creates its first admin with the CLI');
  })
  // Demo mode polls often (so that a first run shows polling within seconds) unless told otherwise.
  .transform((env) => ({
    ...env,
    POLL_INTERVAL_SECONDS: env.POLL_INTERVAL_SECONDS ?? (env.VIGIL_DEMO ? DEMO_POLL_INTERVAL_SECONDS : 300),
  }));

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
