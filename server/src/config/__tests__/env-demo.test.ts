import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_POLL_INTERVAL_SECONDS, parseEnv } from '../env';

// Demo mode (issue 10, item 13) is for a first look: the parser refuses it in production and
// outside one process, and gives it a short poll interval only when none was set.

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://vigil_app@db/vigil',
  DATABASE_REQUEST_URL: 'postgres://vigil_request@db/vigil',
  REDIS_URL: 'redis://redis:6379',
  JWT_SECRET: 'x'.repeat(44),
  ENCRYPTION_KEYS: 'k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  PUBLIC_ORIGIN: 'https://vigil.example.com',
};

describe('configuration: demo mode', () => {
  it('should leave the demo off when VIGIL_DEMO is not set', () => {
    expect(parseEnv({}).VIGIL_DEMO).toBe(false);
    expect(parseEnv(PRODUCTION).VIGIL_DEMO).toBe(false);
  });

  it.each(['true', '1', 'yes', 'on'])('should refuse VIGIL_DEMO=%s in production with a message that says why', (value) => {
    const env = { ...PRODUCTION, VIGIL_DEMO: value };
    expect(() => parseEnv(env)).toThrow(ConfigError);
    expect(() => parseEnv(env)).toThrow(/VIGIL_DEMO: demo mode .* can never run in production/);
  });

  it('should accept an explicit VIGIL_DEMO=false in production', () => {
    expect(parseEnv({ ...PRODUCTION, VIGIL_DEMO: 'false' }).VIGIL_DEMO).toBe(false);
  });

  it('should refuse a value that is not a yes or a no', () => {
    expect(() => parseEnv({ VIGIL_DEMO: 'maybe' })).toThrow(/VIGIL_DEMO/);
  });

  it('should refuse the demo outside mode all, where its simulators would not be shared', () => {
    expect(() => parseEnv({ VIGIL_DEMO: 'true', VIGIL_MODE: 'api', REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /VIGIL_MODE=all/,
    );
  });

  it('should poll every 15 s in demo mode unless POLL_INTERVAL_SECONDS is set, and every 5 minutes otherwise', () => {
    expect(DEMO_POLL_INTERVAL_SECONDS).toBe(15);
    expect(parseEnv({ VIGIL_DEMO: 'true' }).POLL_INTERVAL_SECONDS).toBe(15);
    expect(parseEnv({ VIGIL_DEMO: 'true', POLL_INTERVAL_SECONDS: '120' }).POLL_INTERVAL_SECONDS).toBe(120);
    expect(parseEnv({}).POLL_INTERVAL_SECONDS).toBe(300);
    expect(parseEnv({ POLL_INTERVAL_SECONDS: '60' }).POLL_INTERVAL_SECONDS).toBe(60);
  });
});
