// The workspace's one ESLint configuration (flat config, ESLint 9). The root eslint.config.mjs
// re-exports it, so `pnpm lint` at the root lints every package with the same rules.
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Build outputs, caches, generated and vendored files: nothing here is written by hand.
  globalIgnores([
    '**/node_modules/**',
    '**/dist/**',
    '**/.next/**',
    '**/.data/**',
    '**/.tools/**',
    '**/coverage/**',
    '**/test-results/**',
    '**/playwright-report/**',
    '**/next-env.d.ts',
    'prisma/migrations/**',
    // Local-only folders that .gitignore names (ESLint does not read .gitignore).
    '.gl/**',
    '.whl/**',
    'e2e/.auth/**',
  ]),
  {
    linterOptions: {
      // A disable comment that no longer silences anything is dead weight: say so.
      reportUnusedDisableDirectives: 'error',
    },
  },
  js.configs.recommended,
  // Syntax-only rules. Type-aware linting (recommendedTypeChecked) was measured: 61 s instead of 9 s
  // for the tree on two cores, and it needs every test file inside a tsconfig; `tsc --strict`, which
  // every package runs, already catches most of what it adds.
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // `_`-prefixed names mark a parameter or binding kept on purpose (a callback's position,
      // a rest-omit `{ secret: _secret, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Type-only imports stay type-only (no accidental runtime import cycles or side effects).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Nest reads constructor parameter types at run time (emitDecoratorMetadata): telling the parser
    // so keeps consistent-type-imports from turning an injected class into a type-only import.
    files: ['apps/api/**/*.ts'],
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
  },
  {
    // The web app runs in the browser; its React components follow the rules of hooks.
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
    },
    settings: { next: { rootDir: 'apps/web' } },
  },
);
