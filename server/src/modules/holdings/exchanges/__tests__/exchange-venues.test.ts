import { describe, expect, it } from 'vitest';
import { adapterFor, EXCHANGE_VENUES, isVenueId, onboardingSteps } from '../exchange-venues';

describe('venue registry', () => {
  it('should register the seven venues once each', () => {
    expect([...EXCHANGE_VENUES].sort()).toEqual(['binance', 'bybit', 'coinbase', 'gemini', 'kraken', 'kucoin', 'okx']);
    expect(isVenueId('okx')).toBe(true);
    expect(isVenueId('toString')).toBe(false);
    expect(isVenueId('mtgox')).toBe(false);
  });

  it('should ask for a passphrase exactly where ccxt requires one (OKX, KuCoin)', () => {
    expect(EXCHANGE_VENUES.filter((v) => adapterFor(v).needsPassphrase).sort()).toEqual(['kucoin', 'okx']);
  });

  it('should give every venue onboarding steps that say where, what to grant, what to leave off and the IP advice', () => {
    for (const steps of onboardingSteps()) {
      expect(steps.where.length).toBeGreaterThan(10);
      expect(steps.grant.length).toBeGreaterThan(0);
      expect(steps.leaveOff.length).toBeGreaterThan(0);
      expect(steps.ipAllowList.length).toBeGreaterThan(10);
      expect(steps.needsPassphrase).toBe(adapterFor(steps.venue).needsPassphrase);
    }
  });
});
