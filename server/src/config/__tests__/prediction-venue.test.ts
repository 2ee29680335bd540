import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { POLYMARKET_DEFAULT_API_BASE, polymarketBaseFromEnv } from '../prediction-venue';

describe('POLYMARKET_API_BASE', () => {
  it('should default to Polymarket’s Data API outside tests and demo mode, and read none when off', () => {
    expect(polymarketBaseFromEnv({ NODE_ENV: 'development' })).toBe(POLYMARKET_DEFAULT_API_BASE);
    expect(polymarketBaseFromEnv({ NODE_ENV: 'production', POLYMARKET_API_BASE: 'off' })).toBeUndefined();
    expect(polymarketBaseFromEnv({ NODE_ENV: 'production', POLYMARKET_API_BASE: 'https://pm.example.test/v1' })).toBe(
      'https://pm.example.test/v1',
    );
  });

  it('should read none in tests and demo mode unless a base is named', () => {
    expect(polymarketBaseFromEnv({ NODE_ENV: 'test' })).toBeUndefined();
    expect(polymarketBaseFromEnv({ NODE_ENV: 'development', VIGIL_DEMO: true })).toBeUndefined();
    expect(polymarketBaseFromEnv({ NODE_ENV: 'test', POLYMARKET_API_BASE: 'http://127.0.0.1:9' })).toBe('http://127.0.0.1:9');
  });

  it('should refuse a base that is not an http(s) URL when parsing the config', () => {
    for (const bad of ['file:///etc/passwd', 'data-api.polymarket.com', 'ftp://x.test', 'OFF']) {
      expect(() => parseEnv({ NODE_ENV: 'test', POLYMARKET_API_BASE: bad }), bad).toThrow(/POLYMARKET_API_BASE/);
    }
    expect(parseEnv({ NODE_ENV: 'test', POLYMARKET_API_BASE: 'off' }).POLYMARKET_API_BASE).toBe('off');
  });
});
