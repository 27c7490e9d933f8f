// Lint: strict TypeScript rules everywhere, plus the runtime split. packages/core is platform-
// neutral (bytes in, bytes out): it may not import node:* modules, Node built-ins by bare name, or
// use DOM/Node globals. The CLI may not reach into the web app and vice versa.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'lowprofile-out/**', 'test-artifacts/**', '.bench/**', '.sweep/**', 'packages/web/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'test/**', 'packages/cli/**', '*.js', '*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'packages/core is platform-neutral: no Node built-ins (do I/O in packages/cli or packages/web).' })),
          patterns: [
            { group: ['node:*'], message: 'packages/core is platform-neutral: no node:* imports.' },
            { group: ['**/cli/**', '**/web/**', 'lowprofile', '@lowprofile/web'], message: 'core must not depend on the CLI or the web app.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'window', 'document', 'navigator', 'localStorage', 'fetch', 'XMLHttpRequest', 'console'].map((name) => ({
          name,
          message: 'packages/core is platform-neutral and silent: no Node or DOM globals, no console, no network.',
        })),
      ],
    },
  },
);
