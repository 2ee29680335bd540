import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, WEB_DIST_DIR } from './paths';
import { run } from './run';

let built: Promise<void> | null = null;

/** Journeys test the console as shipped: build it once per run (E2E_SKIP_WEB_BUILD=1 reuses dist). */
export function ensureWebBuilt(): Promise<void> {
  built ??= (async () => {
    if (process.env.E2E_SKIP_WEB_BUILD === '1' && existsSync(path.join(WEB_DIST_DIR, 'index.html'))) return;
    // vitest runs with NODE_ENV=test, which would make `vite build` a non-production bundle
    // (import.meta.env.PROD false: the console's production-only guards would be off).
    await run('pnpm', ['--filter', '@vigil/web', 'build'], {
      cwd: REPO_ROOT,
      env: { NODE_ENV: 'production' },
      timeoutMs: 300_000,
    });
  })();
  return built;
}
