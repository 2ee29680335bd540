import { randomBytes } from 'node:crypto';
import { createDatabase, type TestDatabase } from './database';
import { ensureWebBuilt } from './ensureWebBuilt';
import { freePort } from './freePort';
import { REPO_ROOT, WEB_DIST_DIR } from './paths';
import { run } from './run';
import { type ServerProcess, startServerProcess } from './serverProcess';

/** An account: sign-in names the organization (its slug), the email and the password. */
export type Credentials = { organization: string; email: string; password: string; name: string };

export type RunningVigil = {
  baseUrl: string;
  admin: Credentials;
  org: string;
  database: TestDatabase;
  server: ServerProcess;
  stop(): Promise<void>;
};

const serverCli = (args: string[], env: NodeJS.ProcessEnv) =>
  run('pnpm', ['--filter', '@vigil/server', 'exec', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: REPO_ROOT,
    env,
    timeoutMs: 180_000,
  });

/**
 * A real Vigil for one test file: a fresh PostgreSQL database, migrations and the first admin
 * through the server's CLI, then the server itself serving the built console.
 */
export async function startVigil(options: { env?: NodeJS.ProcessEnv } = {}): Promise<RunningVigil> {
  await ensureWebBuilt();
  const database = await createDatabase();
  const org = 'Acme Oversight';
  const admin: Credentials = {
    organization: 'acme',
    email: 'ada.admin@acme.test',
    password: `E2e-${randomBytes(9).toString('base64url')}!`,
    name: 'Ada Admin',
  };
  try {
    await serverCli(['migrate'], { DATABASE_ADMIN_URL: database.adminUrl });
    await serverCli(
      [
        'create-admin',
        '--org',
        org,
        '--slug',
        admin.organization,
        '--email',
        admin.email,
        '--password',
        admin.password,
        '--name',
        admin.name,
      ],
      {
        DATABASE_URL: database.appUrl,
        DATABASE_ADMIN_URL: database.adminUrl,
      },
    );
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const server = await startServerProcess({
      command: 'pnpm',
      args: ['--filter', '@vigil/server', 'exec', 'tsx', 'src/main.ts'],
      cwd: REPO_ROOT,
      baseUrl,
      readyPath: '/readyz',
      logName: `server-${database.name}`,
      env: {
        NODE_ENV: 'test',
        PORT: String(port),
        PUBLIC_ORIGIN: baseUrl,
        DATABASE_URL: database.appUrl,
        DATABASE_REQUEST_URL: database.requestUrl,
        DATABASE_ADMIN_URL: database.adminUrl,
        REDIS_URL: process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379',
        JWT_SECRET: randomBytes(48).toString('base64'),
        ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        WEB_DIST_DIR,
        // Per journey: a venue double's base URL, a short polling interval.
        ...options.env,
      },
    });
    return {
      baseUrl,
      admin,
      org,
      database,
      server,
      async stop() {
        await server.stop();
        await database.drop();
      },
    };
  } catch (err) {
    await database.drop().catch(() => undefined);
    throw err;
  }
}
