import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort';
import { REPO_ROOT } from './paths';
import { type ServerProcess, startServerProcess } from './serverProcess';

export type StartBanner = { consoleUrl: string; organization: string; email: string; password: string };

/** start.mjs prints "Console:  <url>" and "Sign in:  <email> / <password>" once the server is ready. */
export async function waitForStartBanner(vigil: ServerProcess, timeoutMs = 30_000): Promise<StartBanner> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const output = vigil.output();
    const consoleUrl = output.match(/Console:\s+(https?:\/\/\S+)/)?.[1];
    const organization = output.match(/Organization:\s+(\S+)/)?.[1];
    const signInLine = output.match(/Sign in:\s+(\S+@\S+)\s+\/\s+(\S+)/);
    if (consoleUrl && organization && signInLine?.[1] && signInLine[2]) {
      return { consoleUrl, organization, email: signInLine[1], password: signInLine[2] };
    }
    if (Date.now() > deadline) throw new Error(`start.mjs printed no console URL and sign-in line:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export type EmbeddedVigil = { vigil: ServerProcess; printed: StartBanner; port: number; stop(): Promise<void> };

/**
 * `node scripts/start.mjs [args]` as the README runs it, on embedded defaults (nothing from the
 * developer's shell may point it at real services) in a temporary DATA_DIR, once it has printed
 * its banner. start.mjs builds nothing: the console it serves is whatever web/dist holds.
 */
export async function startEmbeddedVigil(args: string[], logName: string): Promise<EmbeddedVigil> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `vigil-${logName}-`));
  const port = await freePort();
  const stopped = (vigil?: ServerProcess) => async () => {
    await vigil?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  let vigil: ServerProcess | undefined;
  try {
    vigil = await startServerProcess({
      command: 'node',
      args: [path.join(REPO_ROOT, 'scripts', 'start.mjs'), ...args],
      cwd: REPO_ROOT,
      env: { PORT: String(port), DATA_DIR: dataDir },
      unsetEnv: ['DATABASE_URL', 'DATABASE_ADMIN_URL', 'REDIS_URL', 'NODE_ENV', 'JWT_SECRET', 'ENCRYPTION_KEYS', 'HOST'],
      baseUrl: `http://127.0.0.1:${port}`,
      readyPath: '/readyz',
      logName,
      readyTimeoutMs: 180_000,
    });
    return { vigil, printed: await waitForStartBanner(vigil), port, stop: stopped(vigil) };
  } catch (err) {
    await stopped(vigil)();
    throw err;
  }
}
