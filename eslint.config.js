// Lint: zero warnings. The type-aware rules catch what tests tend to miss in async code:
// promises nobody awaits, promises passed where a callback's result is ignored, switches that
// forget a case.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import serverLayers from './eslint.layers.js';
import webLayers from './web/eslint.layers.js';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'web/src/generated/**', 'e2e/artifacts/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // The folder boundaries (STYLE.md "Layout", rule 14) as no-restricted-imports per folder.
  ...serverLayers,
  ...webLayers,
);
