import { describe, expect, it } from 'vitest';
import { parseEnv, type Env } from '@/config/env';
import { createLogger } from '@/lib/logger';
import { DemoRefusedError, startDemo } from '../demo-mode';
import { DEMO_CHAIN_ID } from '../simulated-chain';

// The second lock: whatever config reaches it, demo mode does not start in production.

const logger = createLogger('silent');
const demoEnv = (): Env => parseEnv({ VIGIL_DEMO: 'true', LOG_LEVEL: 'silent' });

describe('startDemo', () => {
  it('should refuse to start when NODE_ENV is production, even if the parser was bypassed', async () => {
    await expect(startDemo({ ...demoEnv(), NODE_ENV: 'production' }, logger)).rejects.toThrow(DemoRefusedError);
    await expect(startDemo({ ...demoEnv(), NODE_ENV: 'production' }, logger)).rejects.toThrow(/never run in production/);
  });

  it('should refuse to start when the demo is off', async () => {
    await expect(startDemo({ ...demoEnv(), VIGIL_DEMO: false }, logger)).rejects.toThrow(/VIGIL_DEMO is not set/);
  });

  it('should refuse a configured chain that takes the demo chain id', async () => {
    const env = parseEnv({
      VIGIL_DEMO: 'true',
      CHAINS: JSON.stringify([{ name: 'other', chainId: DEMO_CHAIN_ID, rpcUrls: ['http://127.0.0.1:1'], confirmations: 1 }]),
    });
    await expect(startDemo(env, logger)).rejects.toThrow(DemoRefusedError);
  });

  it('should point Binance and a demo chain at simulators on loopback, keeping the rest of the config', async () => {
    const env = demoEnv();
    const demo = await startDemo(env, logger);
    try {
      expect(demo.env.EXCHANGE_API_BASE_BINANCE).toBe(demo.exchangeUrl);
      expect(new URL(demo.exchangeUrl).hostname).toBe('127.0.0.1');
      expect(new URL(demo.chainUrl).hostname).toBe('127.0.0.1');
      expect(demo.env.CHAINS).toEqual([expect.objectContaining({ chainId: DEMO_CHAIN_ID, rpcUrls: [demo.chainUrl] })]);
      expect(demo.env.POLL_INTERVAL_SECONDS).toBe(env.POLL_INTERVAL_SECONDS);
      // The parsed config is not changed in place.
      expect(env.EXCHANGE_API_BASE_BINANCE).toBeUndefined();
      expect(env.CHAINS).toEqual([]);
    } finally {
      await demo.stop();
    }
  });
});
