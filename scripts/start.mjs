#!/usr/bin/env node
// Starts Vigil (API, worker and console) on embedded defaults: PostgreSQL embedded (PGlite) in
// DATA_DIR, in-memory denylist, rate limits and jobs. For a first look, not for production.
// Env: PORT (4000), DATA_DIR (./.data), HOST (127.0.0.1). Prints the console URL and how the
// first Admin signs in. `--demo` (or VIGIL_DEMO=true) adds demo mode: a simulated exchange and
// chain in the server's process and three demo employees (the server refuses it in production).
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const port = process.env.PORT ?? '4000';
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.data'));
const webDist = path.join(ROOT, 'web/dist');
const demo = process.argv.includes('--demo') || /^(true|1|yes|on)$/i.test(process.env.VIGIL_DEMO ?? '');
mkdirSync(dataDir, { recursive: true });

// The first Admin's credentials are made once and kept beside the data they unlock.
const credsFile = path.join(dataDir, 'first-admin.json');
if (!existsSync(credsFile)) {
  const creds = { organization: 'vigil-demo', email: 'admin@vigil.local', password: randomBytes(12).toString('base64url') };
  writeFileSync(credsFile, JSON.stringify(creds, null, 2), { mode: 0o600 });
}
// Files from before sign-in named the organization lack it; their org's slug came from its name.
const creds = { organization: 'vigil-demo', ...JSON.parse(readFileSync(credsFile, 'utf8')) };
// The server writes whether that first password still signs the Admin in; the banner says so.
const statusFile = path.join(dataDir, 'first-admin.status.json');
rmSync(statusFile, { force: true });
if (!existsSync(path.join(webDist, 'index.html'))) {
  console.warn('web/dist is missing: the API starts, the console does not. Run `npm run quickstart` to build it.');
}

const tsx = path.join(ROOT, 'server/node_modules/.bin/tsx');
const child = spawn(tsx, ['src/main.ts'], {
  cwd: path.join(ROOT, 'server'),
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    PORT: port,
    HOST: host,
    DATA_DIR: dataDir,
    WEB_DIST_DIR: webDist,
    FIRST_ADMIN_EMAIL: creds.email,
    FIRST_ADMIN_PASSWORD: creds.password,
    FIRST_ORG_NAME: process.env.FIRST_ORG_NAME ?? 'Vigil demo',
    FIRST_ORG_SLUG: creds.organization,
    FIRST_ADMIN_STATUS_FILE: statusFile,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...(demo ? { VIGIL_DEMO: 'true' } : {}),
  },
});
child.stdout.pipe(process.stdout);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));

function signInLines() {
  const status = existsSync(statusFile) ? JSON.parse(readFileSync(statusFile, 'utf8')) : { initialPasswordInUse: true };
  if (status.initialPasswordInUse) {
    return [
      `  Sign in:       ${creds.email} / ${creds.password}`,
      `  (kept in ${credsFile}; you will be asked to enrol MFA for Admin changes)`,
    ];
  }
  return [
    `  Sign in:       ${creds.email} with the password you chose`,
    `  (the first password, printed on the first start and kept in ${credsFile}, was changed and no longer works)`,
  ];
}

const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
const deadline = Date.now() + 120_000;
while (Date.now() < deadline) {
  const ok = await fetch(`${url}/readyz`)
    .then((r) => r.ok)
    .catch(() => false);
  if (ok) {
    console.log(
      [
        '',
        'Vigil is running.',
        ...(demo
          ? [
              '  DEMO MODE: simulated exchange and chain. Three demo employees ("Demo \u2014 ...") are onboarded',
              `  against them in a few seconds; ${process.env.DEMO_REVOKE_AFTER_SECONDS ?? 90} s later one demo key is revoked and shows broken.`,
            ]
          : []),
        `  Console:       ${url}/sign-in?org=${creds.organization}`,
        `  Organization:  ${creds.organization}`,
        ...signInLines(),
        '',
      ].join('\n'),
    );
    break;
  }
  await new Promise((r) => setTimeout(r, 500));
}
