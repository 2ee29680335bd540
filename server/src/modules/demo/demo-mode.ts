import type { MikroORM } from '@mikro-orm/postgresql';
import type { Env } from '@/config/env';
import type { AuditEntryMac } from '@/core/audit';
import type { Logger } from '@/lib/logger';
import { DEMO_EMPLOYEES } from './demo-accounts';
import { seedDemo, type DemoSeedReport } from './demo-seed';
import { DEMO_CHAIN_ID, DEMO_CHAIN_NAME, startSimulatedChain } from './simulated-chain';
import { startSimulatedExchange } from './simulated-exchange';

/** Demo mode was asked for where it may not run. */
export class DemoRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoRefusedError';
  }
}

export type Demo = {
  /** The config the rest of Vigil is built from: Binance's API base and a demo chain point at the simulators. */
  env: Env;
  exchangeUrl: string;
  chainUrl: string;
  /** Seeds the demo employees through the API at `apiUrl`, then schedules the revocation of one key. */
  seed(deps: { orm: MikroORM; auditMac: AuditEntryMac; apiUrl: string }): Promise<DemoSeedReport>;
  stop(): Promise<void>;
};

/** The API as this process reaches itself: an all-interfaces bind is reached on loopback. */
function loopbackUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
  return url.origin;
}

/**
 * Starts demo mode's simulated exchange (Binance's API) and EVM chain on 127.0.0.1, and returns
 * the config that points Vigil's real adapters at them. Refuses production whatever the config
 * parser said (the schema refuses it first; this is the second lock).
 */
export async function startDemo(env: Env, logger: Logger): Promise<Demo> {
  if (env.NODE_ENV === 'production') throw new DemoRefusedError('demo mode can never run in production (NODE_ENV=production)');
  if (!env.VIGIL_DEMO) throw new DemoRefusedError('demo mode is off: VIGIL_DEMO is not set');
  if (env.CHAINS.some((c) => c.chainId === DEMO_CHAIN_ID || c.name === DEMO_CHAIN_NAME))
    throw new DemoRefusedError(`CHAINS already has chain ${DEMO_CHAIN_ID} or a chain named ${DEMO_CHAIN_NAME}: the demo chain's`);

  const exchange = await startSimulatedExchange(DEMO_EMPLOYEES.map((e) => e.account));
  const chain = await startSimulatedChain(DEMO_EMPLOYEES.map((e) => e.wallet)).catch(async (err: unknown) => {
    await exchange.close();
    throw err;
  });
  if (env.EXCHANGE_API_BASE_BINANCE) logger.warn('demo mode: EXCHANGE_API_BASE_BINANCE is replaced by the simulated exchange');
  const demoEnv: Env = {
    ...env,
    EXCHANGE_API_BASE_BINANCE: exchange.url,
    CHAINS: [...env.CHAINS, chain.config()],
    // Holdings are valued from the simulated exchange's tickers too: the demo sends nothing anywhere.
    PRICING_VENUE: 'binance',
  };
  logger.warn(
    { exchange: exchange.url, chain: chain.url, pollIntervalSeconds: env.POLL_INTERVAL_SECONDS },
    'DEMO MODE: simulated exchange and chain (Binance and "demo-chain" are simulated in this process; demo employees, not real data)',
  );

  let revocation: NodeJS.Timeout | undefined;
  const scheduleRevocation = () => {
    revocation = setTimeout(() => {
      for (const person of DEMO_EMPLOYEES.filter((p) => p.revokedLater)) {
        exchange.exchange.revoke(person.account.apiKey);
        logger.warn(
          { employee: person.name },
          'DEMO MODE: the simulated exchange revoked a demo key; the next poll marks it broken',
        );
      }
    }, env.DEMO_REVOKE_AFTER_SECONDS * 1000);
    revocation.unref();
  };

  return {
    env: demoEnv,
    exchangeUrl: exchange.url,
    chainUrl: chain.url,
    async seed({ orm, auditMac, apiUrl }) {
      try {
        const report = await seedDemo(
          { orm, auditMac, logger, apiUrl: loopbackUrl(apiUrl), orgSlug: env.FIRST_ORG_SLUG },
          DEMO_EMPLOYEES,
          DEMO_CHAIN_ID,
        );
        logger.warn(report, 'DEMO MODE: demo employees ready');
        return report;
      } finally {
        scheduleRevocation();
      }
    },
    async stop() {
      clearTimeout(revocation);
      await Promise.all([exchange.close(), chain.close()]);
    },
  };
}
