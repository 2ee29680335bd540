import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The folder boundaries are lint rules (STYLE.md rule 14). These tests run the very rule objects the
// root eslint.config.js spreads against virtual files, so a rule that stops refusing fails here.
// Typed linting is not needed: only the parser and no-restricted-imports take part.

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** The `export default [...]` of a layers file (plain JS, so its type is stated here). */
async function loadLayers(fromRepoRoot: string): Promise<Linter.Config[]> {
  const layers = (await import(path.join(repoRoot, fromRepoRoot))) as { default: Linter.Config[] };
  return layers.default;
}

function eslintWith(layers: Linter.Config[]): ESLint {
  return new ESLint({
    cwd: repoRoot,
    overrideConfigFile: true,
    overrideConfig: [...layers, { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } }],
  });
}

/** Lints `code` as if it were the file at `fromRepoRoot` (which need not exist). */
async function lintAs(eslint: ESLint, fromRepoRoot: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, fromRepoRoot) });
  if (!result) throw new Error(`no lint result for ${fromRepoRoot}`);
  return result.messages;
}

function expectRefused(messages: Linter.LintMessage[], mentions: string): void {
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({ ruleId: 'no-restricted-imports', severity: 2 });
  expect(messages[0]?.message).toContain(mentions);
}

describe('server layer boundaries (eslint.layers.js)', () => {
  let eslint: ESLint;

  beforeAll(async () => {
    eslint = eslintWith(await loadLayers('eslint.layers.js'));
  });

  it('should refuse an import of app/ when a module imports it', async () => {
    const messages = await lintAs(
      eslint,
      'server/src/modules/deals/deal.service.ts',
      "import { MODULES } from '@/app/modules';\nexport const all = MODULES;\n",
    );
    expectRefused(messages, 'A module (modules/<name>/) never imports app/');
  });

  it('should refuse an import of core/ when lib/ imports it through @/', async () => {
    const messages = await lintAs(
      eslint,
      'server/src/lib/db/x.ts',
      "import type { Actor } from '@/core/actor';\nexport type A = Actor;\n",
    );
    expectRefused(messages, 'lib/ is domain-free');
  });

  it('should refuse an import of core/ when lib/ climbs to it with ../../core/actor', async () => {
    const messages = await lintAs(
      eslint,
      'server/src/lib/db/x.ts',
      "import type { Actor } from '../../core/actor';\nexport type A = Actor;\n",
    );
    expectRefused(messages, 'Relative imports stay inside lib/');
  });

  it("should refuse another module's internals when a module imports @/modules/holdings/holding.entity", async () => {
    const messages = await lintAs(
      eslint,
      'server/src/modules/deals/x.ts',
      "import { Holding } from '@/modules/holdings/holding.entity';\nexport const h = Holding;\n",
    );
    expectRefused(messages, 'A module uses another module only through its index');
  });

  it("should refuse another module's internals when a module climbs to them with ../holdings/holding.entity", async () => {
    const messages = await lintAs(
      eslint,
      'server/src/modules/deals/x.ts',
      "import { Holding } from '../holdings/holding.entity';\nexport const h = Holding;\n",
    );
    expectRefused(messages, 'Relative imports stay inside its module (modules/<name>/)');
  });

  it('should refuse another module when a file in a module subfolder climbs to it with ../../holdings', async () => {
    const messages = await lintAs(
      eslint,
      'server/src/modules/deals/jobs/x.ts',
      "import { holdingsModule } from '../../holdings';\nexport const m = holdingsModule;\n",
    );
    expectRefused(messages, 'Relative imports stay inside its module (modules/<name>/)');
  });

  it('should refuse a deep import into core/identity when a module imports its files', async () => {
    const messages = await lintAs(
      eslint,
      'server/src/modules/deals/deal.service.ts',
      "import { User } from '@/core/identity/users/user.entity';\nexport const u = User;\n",
    );
    expectRefused(messages, "A module uses core's modules (core/identity, core/audit, core/jobs) only through their index");
  });

  it('should refuse an import of app/ when core/ imports it', async () => {
    const messages = await lintAs(
      eslint,
      'server/src/core/graphql/x.ts',
      "import { buildSchema } from '@/app/schema';\nexport const b = buildSchema;\n",
    );
    expectRefused(messages, 'core/ imports only lib/, config/ and core/');
  });

  it('should refuse an import of app/ when core/ climbs to it with ../../app/schema', async () => {
    const messages = await lintAs(
      eslint,
      'server/src/core/audit/x.ts',
      "import { buildSchema } from '../../app/schema';\nexport const b = buildSchema;\n",
    );
    expectRefused(messages, 'Relative imports stay inside core/');
  });

  it('should refuse an import of core/ when config/ imports it', async () => {
    const messages = await lintAs(
      eslint,
      'server/src/config/x.ts',
      "import type { Actor } from '@/core/actor';\nexport type A = Actor;\n",
    );
    expectRefused(messages, 'config/ imports only lib/');
  });

  it("should pass when a module imports another module's index, core/identity, core/access and lib/ and its own files relatively", async () => {
    const messages = await lintAs(
      eslint,
      'server/src/modules/deals/jobs/release.job.ts',
      [
        "import { holdingsModule } from '@/modules/holdings';",
        "import { identityModule } from '@/core/identity';",
        "import { requireAccess } from '@/core/access/require-access';",
        "import { inScopedTransaction } from '@/lib/db/request-db';",
        "import { parseEnv } from '@/config/env';",
        "import { Deal } from '../deal.entity';",
        "import { payload } from './release.payload';",
        'export const all = [holdingsModule, identityModule, requireAccess, inScopedTransaction, parseEnv, Deal, payload];',
        '',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });

  it('should pass when core/ imports lib/, config/ and core/ (its own modules included, deep or relative)', async () => {
    const messages = await lintAs(
      eslint,
      'server/src/core/request/x.ts',
      [
        "import { scopePreamble } from '@/lib/db/db-scope';",
        "import { parseEnv } from '@/config/env';",
        "import { User } from '@/core/identity/users/user.entity';",
        "import type { Actor } from '../actor';",
        "import { auditNote } from './audit-note';",
        'export const all = [scopePreamble, parseEnv, User, auditNote];',
        'export type A = Actor;',
        '',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });

  it('should pass when app/ imports anything', async () => {
    const messages = await lintAs(
      eslint,
      'server/src/app/modules.ts',
      [
        "import { Holding } from '@/modules/holdings/holding.entity';",
        "import { User } from '@/core/identity/users/user.entity';",
        "import { run } from '@/cli/index';",
        "import type { Actor } from '../core/actor';",
        "import { logger } from '../lib/logger';",
        'export const all = [Holding, User, run, logger];',
        'export type A = Actor;',
        '',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });
});

describe('console layer boundaries (web/eslint.layers.js)', () => {
  let eslint: ESLint;

  beforeAll(async () => {
    eslint = eslintWith(await loadLayers('web/eslint.layers.js'));
  });

  it('should refuse a module when ui/ imports it', async () => {
    const messages = await lintAs(
      eslint,
      'web/src/ui/DataTable.tsx',
      "import { usersRoutes } from '@/modules/users';\nexport const r = usersRoutes;\n",
    );
    expectRefused(messages, 'ui/ is the shared kit: it imports no module');
  });

  it("should refuse another module's internals when a web module imports them", async () => {
    const messages = await lintAs(
      eslint,
      'web/src/modules/roles/pages/RolesPage.tsx',
      "import { UsersTable } from '@/modules/users/components/UsersTable';\nexport const t = UsersTable;\n",
    );
    expectRefused(messages, 'Use another module through its index.ts');
  });

  it("should pass when a web module imports another module's index", async () => {
    const messages = await lintAs(
      eslint,
      'web/src/modules/roles/pages/RolesPage.tsx',
      "import { usersRoutes } from '@/modules/users';\nexport const r = usersRoutes;\n",
    );
    expect(messages).toEqual([]);
  });
});
