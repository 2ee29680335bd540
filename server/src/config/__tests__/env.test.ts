import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../env';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://vigil_app@db/vigil',
  DATABASE_REQUEST_URL: 'postgres://vigil_request@db/vigil',
  REDIS_URL: 'redis://redis:6379',
  JWT_SECRET: 'x'.repeat(44),
  ENCRYPTION_KEYS: 'k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  PUBLIC_ORIGIN: 'https://vigil.example.com',
};

describe('configuration', () => {
  it('should start with embedded defaults when nothing is set outside production', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ NODE_ENV: 'development', VIGIL_MODE: 'all', PORT: 4000, DATA_DIR: './.data' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('should accept a complete production configuration', () => {
    expect(parseEnv(PRODUCTION).NODE_ENV).toBe('production');
  });

  it.each([
    ['DATABASE_URL', 'production needs a PostgreSQL server'],
    ['DATABASE_REQUEST_URL', 'production connects requests as vigil_request'],
    ['REDIS_URL', 'production needs Redis'],
    ['JWT_SECRET', 'production needs a signing key'],
    ['ENCRYPTION_KEYS', 'production needs a key ring'],
  ])('should refuse production without %s', (name, message) => {
    const env: Record<string, string | undefined> = { ...PRODUCTION, [name]: undefined };
    expect(() => parseEnv(env)).toThrow(ConfigError);
    expect(() => parseEnv(env)).toThrow(message);
  });

  it('should refuse production on a plain-HTTP origin', () => {
    expect(() => parseEnv({ ...PRODUCTION, PUBLIC_ORIGIN: 'http://vigil.example.com' })).toThrow(/HTTPS only/);
  });

  it('should name every bad value when the configuration does not parse', () => {
    try {
      parseEnv({ PORT: 'eighty', VIGIL_MODE: 'both' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/VIGIL_MODE/);
    }
  });

  it.each(['api', 'worker'])('should refuse mode %s without Redis in every environment', (mode) => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      const env = NODE_ENV === 'production' ? { ...PRODUCTION, REDIS_URL: undefined } : { NODE_ENV };
      expect(() => parseEnv({ ...env, VIGIL_MODE: mode })).toThrow(`mode ${mode} needs Redis`);
    }
    expect(parseEnv({ VIGIL_MODE: mode, REDIS_URL: 'redis://127.0.0.1:6379' }).VIGIL_MODE).toBe(mode);
  });

  it.each([
    [
      'a JWT key shorter than 32 bytes',
      { JWT_SECRET: Buffer.alloc(31, 7).toString('base64') },
      /JWT_SECRET: must be at least 32 bytes/,
    ],
    ['a JWT key that is not base64', { JWT_SECRET: '!'.repeat(60) }, /JWT_SECRET: must be at least 32 bytes, base64/],
    [
      'a key ring key of the wrong length',
      { ENCRYPTION_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` },
      /ENCRYPTION_KEYS: key ring: key k1 must be 32 bytes/,
    ],
    [
      'a key ring entry without an id',
      { ENCRYPTION_KEYS: Buffer.alloc(32).toString('base64') },
      /ENCRYPTION_KEYS: key ring: bad key id/,
    ],
    [
      'a key ring with one id twice',
      { ENCRYPTION_KEYS: `k1:${Buffer.alloc(32).toString('base64')},k1:${Buffer.alloc(32, 1).toString('base64')}` },
      /duplicate key id/,
    ],
  ])('should refuse %s at boot', (_label, values, message) => {
    expect(() => parseEnv({ ...PRODUCTION, ...values })).toThrow(message);
    expect(() => parseEnv(values)).toThrow(message);
  });
});
