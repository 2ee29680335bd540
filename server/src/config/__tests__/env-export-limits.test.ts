import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../env';

describe('export limits in the configuration', () => {
  it('should default to a pool of 4, 2 per org and 1 per user', () => {
    expect(parseEnv({})).toMatchObject({ EXPORT_MAX_CONCURRENT: 4, EXPORT_MAX_PER_ORG: 2, EXPORT_MAX_PER_USER: 1 });
  });

  it('should refuse a per-org limit that lets one org take every export slot', () => {
    expect(() => parseEnv({ EXPORT_MAX_CONCURRENT: '4', EXPORT_MAX_PER_ORG: '4' })).toThrow(ConfigError);
    expect(() => parseEnv({ EXPORT_MAX_CONCURRENT: '4', EXPORT_MAX_PER_ORG: '4' })).toThrow(/EXPORT_MAX_PER_ORG/);
  });

  it('should refuse a per-user limit above the per-org one', () => {
    expect(() => parseEnv({ EXPORT_MAX_PER_ORG: '2', EXPORT_MAX_PER_USER: '3' })).toThrow(/EXPORT_MAX_PER_USER/);
  });
});
