// The lint preset every package shares: typescript-eslint's recommended rules plus a few of ours.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Code that runs in a browser (or Electron's renderer). */
const BROWSER_SIDE = [
  'packages/api-client/src/**',
  'packages/ui/src/**',
  'packages/studio/src/**',
  'apps/web/src/**',
  'apps/studio/src/renderer/**',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/migrations/**', '**/.turbo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Browser-side code never imports the server's packages or Node's built-ins; of the API it
    // takes the router's types only.
    files: BROWSER_SIDE,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...builtinModules.map((name) => ({
              name,
              message: 'browser code has no Node built-ins',
            })),
            {
              name: '@vidinfra/api',
              allowTypeImports: true,
              message: "browser code takes the API's types only",
            },
          ],
          patterns: [
            {
              group: [
                '@vidinfra/db',
                '@vidinfra/services',
                '@vidinfra/media',
                '@vidinfra/realtime',
                '@vidinfra/api-server',
                '@vidinfra/*/*',
              ],
              message: 'browser code never imports server packages',
            },
            { group: ['node:*'], message: 'browser code has no Node built-ins' },
          ],
        },
      ],
    },
  },
  {
    // Apps speak to the services, never to what the services are built from.
    files: ['apps/**/src/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='deps']",
          message: 'Apps use service methods, never services.deps: add a method to the service.',
        },
      ],
    },
  },
  {
    // The operations' context is typed by their Caller rule and resource: nothing to assert.
    files: ['packages/api/src/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    files: ['**/*.test.ts', '**/test/**', '**/scripts/**', '**/bench/**', 'tooling/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
