import { defineConfig } from 'vitest/config';

// Browser journeys against a real server: one file at a time (each starts its own server and
// database), generous timeouts (server boot, migrations, a TOTP step boundary can cost 30 s).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: 'forks',
    reporters: ['default'],
  },
});
