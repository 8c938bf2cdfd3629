import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'coverage', 'public/mockServiceWorker.js', 'node_modules', 'reports', '.stryker-tmp', 'stryker-setup-*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.ts', 'stryker.config.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The core must stay framework-agnostic (see also test/core/core-imports.test.ts).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'react/*', '@tanstack/*', 'zustand', 'zustand/*', '../store/*', '../react/*'] }],
    },
  },
  {
    // The store runs without React. It drives a QueryClient (the app's) but only knows its types.
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', 'react/*', '../react/*'] }, { group: ['@tanstack/*'], allowTypeImports: true }] },
      ],
    },
  },
);
