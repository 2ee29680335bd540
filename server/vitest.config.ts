import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
// graphql 16 ships CJS and ESM side by side. Node (tsx, production) loads the CJS build for
// everyone; Vite would give our code the ESM one while CJS middleware gets the other, and
// graphql refuses schemas from "another realm". Pin the CJS build, as Node does.
const graphqlDir = path.dirname(require.resolve('graphql'));

export default defineConfig({
  resolve: {
    alias: [
      { find: '@', replacement: path.resolve(import.meta.dirname, 'src') },
      { find: /^graphql$/, replacement: path.join(graphqlDir, 'index.js') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
