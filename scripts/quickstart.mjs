#!/usr/bin/env node
// The README's first command: installs what Vigil needs (pnpm is run through npx if it is not
// installed), builds the console, and starts Vigil on embedded defaults.
import { ensureInstalled, pnpm, run } from './lib.mjs';

await ensureInstalled();
if ((await pnpm(['--filter', '@vigil/web', 'build'])) !== 0) process.exit(1);
// `npm run quickstart -- --demo`: the start script turns demo mode on.
process.exit(await run(process.execPath, ['scripts/start.mjs', ...process.argv.slice(2)]));
