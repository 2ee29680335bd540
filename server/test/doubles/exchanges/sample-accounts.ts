import { randomBytes } from 'node:crypto';
import type { DoubleKeyInput } from './double-types';
import type { DoubleVenue } from './dialects';

// Sample keys and account contents each double understands: the tests, the bench and demo mode
// build on these instead of inventing shapes per caller.

/** Each venue's market the sample account trades (the doubles list it). */
export const SAMPLE_SYMBOL: Record<DoubleVenue, string> = {
  binance: 'BTC/USDT',
  coinbase: 'BTC/USD',
  kraken: 'BTC/USD',
  okx: 'BTC/USDT',
  bybit: 'BTC/USDT',
  kucoin: 'BTC/USDT',
  gemini: 'BTC/USD',
};

/** Venue-shaped trade ids: KuCoin's exceed 2^53, Kraken's are text. */
export const SAMPLE_TRADE_ID: Record<DoubleVenue, string> = {
  binance: '28457',
  coinbase: '9b6b3f36-5c1e-4b5e-8d3c-2a1f4c0e7d11',
  kraken: 'THVRQM-33VKH-UCI7BS',
  okx: '123456789',
  bybit: '2100000000007764263',
  kucoin: '12345678901234567890',
  gemini: '107317526',
};

export const SAMPLE_TIME = 1_700_000_000_000;

export type SampleCredentials = { apiKey: string; secret: string; passphrase: string };

/** Fresh credentials: account-scoped names (Gemini insists), base64 secrets (Kraken insists). */
export function sampleCredentials(venue: DoubleVenue, label: string): SampleCredentials {
  return {
    apiKey: `account-${venue}-${label}-${randomBytes(6).toString('hex')}`,
    secret: randomBytes(30).toString('base64'),
    passphrase: `Pass-${randomBytes(4).toString('hex')}`,
  };
}

export function sampleKey(
  venue: DoubleVenue,
  credentials: SampleCredentials,
  permissions: DoubleKeyInput['permissions'],
): DoubleKeyInput {
  const [base, quote] = SAMPLE_SYMBOL[venue].split('/') as [string, string];
  return {
    ...credentials,
    permissions,
    balances: { [base]: '0.50000000', [quote]: '1234.56' },
    trades: [
      {
        id: SAMPLE_TRADE_ID[venue],
        orderId: '6000001',
        symbol: SAMPLE_SYMBOL[venue],
        side: 'buy',
        amount: '0.01000000',
        price: '30000.10',
        fee: '0.00001',
        feeAsset: base,
        timestamp: SAMPLE_TIME,
      },
    ],
    deposits: [
      {
        id: '341167014',
        txid: '0xdeadbeef01',
        asset: base,
        amount: '0.60000000',
        fee: '0',
        address: 'bc1qdeposit',
        network: 'BTC',
        timestamp: SAMPLE_TIME + 1000,
      },
    ],
    withdrawals: [
      {
        id: '341167015',
        txid: '0xdeadbeef02',
        asset: base,
        amount: '0.05000000',
        fee: '0.0002',
        address: 'bc1qwithdrawal',
        network: 'BTC',
        timestamp: SAMPLE_TIME + 2000,
      },
    ],
  };
}
