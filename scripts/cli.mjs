#!/usr/bin/env node
// `npm run cli -- <command> [options]`: the server's CLI (server/src/cli/index.ts) from the
// repository root, with npm only. Without DATABASE_URL it works on the embedded database in
// DATA_DIR (./.data, what `npm start` runs on: stop the server first), with that folder's
// development key ring unless ENCRYPTION_KEYS is set.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const tsx = path.join(ROOT, 'server/node_modules/.bin/tsx');
const child = spawn(tsx, ['src/cli/index.ts', ...process.argv.slice(2)], {
  cwd: path.join(ROOT, 'server'),
  stdio: 'inherit',
  env: {
    ...process.env,
    DATA_DIR: path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.data')),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
});
child.on('exit', (code) => process.exit(code ?? 1));
