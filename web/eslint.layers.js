// The console's layers as lint rules (web/src; see web/src/app/README.md). Arrows point down only:
//
//   app/ composition (App, router.tsx, modules.ts, navigation/, shell/)  imports anything
//     → modules/<feature>/          import app core, ui/, generated/, and other modules via their index.ts
//       → app core (session/, permissions/, errors/, stepUp/, routing/, createApolloClient, theme)
//         → ui/                      the shared kit: no module, nothing from app/, no generated types
//
// Globs are relative to the repository root: the root eslint.config.js spreads this array.
//
// `no-restricted-imports` options do not merge across config objects: when two objects match a file,
// the later one replaces the earlier one's patterns. So every file matches exactly one object here,
// and each object lists every pattern its folder needs. A relative import cannot be resolved by the
// rule, so "does not climb out of its folder" is a count of `..` per depth below the folder root.

import { perDepth as sharedPerDepth } from '../eslint.per-depth.js';

const SOURCES = '*.{ts,tsx}';

const APP_CORE = ['session', 'permissions', 'errors', 'stepUp', 'routing'];
const APP_CORE_NAMES = `(?:${APP_CORE.join('|')})`;
const APP_CORE_FILES = ['web/src/app/createApolloClient.ts', 'web/src/app/theme.ts'];
const APP_CORE_FOLDERS = APP_CORE.map((folder) => `web/src/app/${folder}/**/${SOURCES}`);

const INTO_A_MODULE = {
  group: ['@/modules/*/*'],
  message: 'Use another module through its index.ts: import from @/modules/<name>, never from its folders.',
};

const APP_COMPOSITION = {
  regex: `^@/app(?:$|/(?!${APP_CORE_NAMES}/))`,
  message:
    `Only app core (${APP_CORE.join(', ')}) is importable here. The router, the module list ` +
    '(app/modules.ts), navigation and the shell are built from the modules: importing them is a cycle.',
};

const RELATIVE_OUT_OF_APP_CORE = (regex) => ({
  regex,
  message: `Relative imports from app core reach only ${APP_CORE.join(', ')}; use @/ui for the kit.`,
});

const perDepth = (rootGlob, rootLabel, patterns) =>
  sharedPerDepth(rootGlob, rootLabel, patterns, {
    sources: SOURCES,
    hint: 'reach anything else through @/ (another module only via its index).',
  });

const ui = perDepth('web/src/ui', 'ui/', [
  { group: ['@/modules', '@/modules/*'], message: 'ui/ is the shared kit: it imports no module. Take what it needs as props.' },
  { group: ['@/app', '@/app/*'], message: 'ui/ imports nothing from app/ (session, viewer, router): take it as props.' },
  { group: ['@/generated', '@/generated/*'], message: 'ui/ knows no GraphQL operation: its props are plain types.' },
]);

const modules = perDepth('web/src/modules/*', 'its module', [APP_COMPOSITION, INTO_A_MODULE]);

const NO_MODULE_IN_APP_CORE = {
  group: ['@/modules', '@/modules/*'],
  message: 'App core imports no console module: modules import it, so the arrow would point both ways.',
};

const appCoreFolders = {
  files: APP_CORE_FOLDERS,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [NO_MODULE_IN_APP_CORE, APP_COMPOSITION, RELATIVE_OUT_OF_APP_CORE(`^(?:\\.\\./)+(?!${APP_CORE_NAMES}/)`)],
      },
    ],
  },
};

const appCoreFiles = {
  files: APP_CORE_FILES,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          NO_MODULE_IN_APP_CORE,
          APP_COMPOSITION,
          RELATIVE_OUT_OF_APP_CORE(`^\\.(?:\\.(?:/|$)|/(?!${APP_CORE_NAMES}/))`),
        ],
      },
    ],
  },
};

// The composition root may import anything, but reaches a module through its index like everyone,
// except for the module's route list (`@/modules/<name>/routes`): app/modules.ts takes it from there
// so the first script holds the routes alone. Through the index it would also hold everything the
// index re-exports for other modules (their pages' cards and hooks), which the pages load on demand.
const INTO_A_MODULE_BUT_ITS_ROUTES = {
  regex: '^@/modules/[^/]+/(?!routes$).+',
  message: INTO_A_MODULE.message + ' (The composition root may also import @/modules/<name>/routes.)',
};
const appComposition = {
  files: [`web/src/app/**/${SOURCES}`, `web/src/${SOURCES}`],
  ignores: [...APP_CORE_FOLDERS, ...APP_CORE_FILES],
  rules: { 'no-restricted-imports': ['error', { patterns: [INTO_A_MODULE_BUT_ITS_ROUTES] }] },
};

export default [...ui, ...modules, appCoreFolders, appCoreFiles, appComposition];
