// The server's layers as lint rules (server/src; see server/README.md "Layers"). Arrows point down:
//
//   main.ts, cli/, app/ (composition root)   import anything; nobody else imports app/ or cli/
//     → modules/<name>/    core/, lib/, config/; another module and core's modules only via their index
//       → core/            lib/, config/, core/
//         → config/        lib/
//           → lib/         domain-free: nothing of the above
//
// Globs are relative to the repository root: the root eslint.config.js spreads this array.
//
// `no-restricted-imports` options do not merge across config objects: when two objects match a file,
// the later one replaces the earlier one's patterns. So every file matches exactly one object here,
// and each object lists every pattern its folder needs. The rule sees the import string, not the
// resolved file, so "a relative import does not climb out of its folder" is a count of `..` per
// depth below the folder root (one object per depth). The rule does not look at dynamic `import()`.

import { perDepth as sharedPerDepth } from './eslint.per-depth.js';

/** `@/<folder>` itself (its index) and everything under it, for each folder. */
const aliasOf = (...folders) => folders.flatMap((folder) => [`@/${folder}`, `@/${folder}/*`]);

// Shared lists: what each layer refuses is built from these.
const APP = aliasOf('app');
const ENTRY_POINTS = ['@/main', ...aliasOf('cli')];
const MODULES = aliasOf('modules');
const CORE = aliasOf('core');
const CONFIG = aliasOf('config');

const lib = [
  {
    group: [...CORE, ...CONFIG, ...MODULES, ...APP, ...ENTRY_POINTS],
    message: 'lib/ is domain-free: it imports only lib/ and packages, nothing from core/, config/, modules/, app/ or cli/.',
  },
];

const config = [
  {
    group: [...CORE, ...MODULES, ...APP, ...ENTRY_POINTS],
    message: 'config/ imports only lib/: not core/, modules/, app/ or cli/ (they read the parsed config, not the reverse).',
  },
];

const core = [
  {
    group: [...MODULES, ...APP, ...ENTRY_POINTS],
    message:
      'core/ imports only lib/, config/ and core/: modules register with it through app/modules.ts, and app/ ' +
      '(the composition root) imports core/, never the reverse.',
  },
];

const modules = [
  {
    group: [...APP, ...ENTRY_POINTS],
    message: 'A module (modules/<name>/) never imports app/ or cli/: app/ is the composition root that lists the modules.',
  },
  {
    group: ['@/modules/*/*'],
    message:
      'A module uses another module only through its index: import @/modules/<name>, never its files ' +
      "(a module's own files are imported relatively).",
  },
  {
    group: ['@/core/identity/*', '@/core/audit/*', '@/core/jobs/*'],
    message:
      "A module uses core's modules (core/identity, core/audit, core/jobs) only through their index: import @/core/<name>.",
  },
];

const perDepth = (rootGlob, rootLabel, patterns) =>
  sharedPerDepth(rootGlob, rootLabel, patterns, {
    sources: '*.ts',
    hint: 'reach anything else through @/ so that the layer rules apply.',
  });

// main.ts, cli/ and app/ are not listed: they may import anything.
export default [
  ...perDepth('server/src/lib', 'lib/', lib),
  ...perDepth('server/src/config', 'config/', config),
  ...perDepth('server/src/core', 'core/', core),
  ...perDepth('server/src/modules/*', 'its module (modules/<name>/)', modules),
];
