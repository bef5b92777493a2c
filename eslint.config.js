import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The layers and what each may import: docs/architecture.md. Each zone below forbids `target` to
// import from `from`; lint fails with the zone's message.
const LAYERS = ['lib', 'domain', 'data', 'state', 'ui', 'charts', 'features', 'app'];
const MAY_IMPORT = {
  lib: ['lib'],
  domain: ['domain', 'lib'],
  data: ['data', 'domain', 'lib'],
  state: ['state', 'domain', 'lib'],
  ui: ['ui', 'lib'],
  charts: ['charts', 'domain', 'ui', 'lib'],
  features: ['features', 'domain', 'data', 'state', 'charts', 'ui', 'lib'],
  app: LAYERS,
};
const layerZones = Object.entries(MAY_IMPORT).flatMap(([layer, allowed]) =>
  LAYERS.filter((other) => !allowed.includes(other)).map((other) => ({
    target: `./src/${layer}`,
    from: `./src/${other}`,
    message: `src/${layer} may import only ${allowed.map((a) => `src/${a}`).join(', ')} (docs/architecture.md).`,
  })),
);
// A feature never imports another feature; src/app composes them.
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const featureZones = FEATURES.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message: `features/${feature} may not import another feature; move the shared code down a layer (docs/architecture.md).`,
}));

// Browser APIs that pure code must not touch (it also runs in Node: CLI, workers, tests).
const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'fetch',
  'indexedDB',
  'localStorage',
  'sessionStorage',
  'Worker',
].map((name) => ({ name, message: 'src/domain is pure: no browser APIs (docs/architecture.md).' }));
const ADDRESS_MESSAGE = 'Only src/state reads or writes the address bar (docs/architecture.md).';
const ADDRESS_GLOBALS = ['location', 'history'].map((name) => ({ name, message: ADDRESS_MESSAGE }));
const NO_REACT = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@tanstack/*', 'recharts'],
      message: 'No React or UI libraries in this layer (docs/architecture.md).',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
      'bench/tmp',
      '.tmp',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        // Each file is checked with its own tsconfig (root, scripts/, tests/e2e/); the two root config
        // files belong to tsconfig.node.json.
        projectService: {
          allowDefaultProject: ['vite.config.ts', 'playwright.config.ts'],
          defaultProject: 'tsconfig.node.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      // Without these, import-x skips TypeScript files when it follows imports, and no-cycle sees no cycle.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description' }],
      // Off: an `async` method that implements a Promise-returning interface without awaiting is clearer
      // than wrapping its value in Promise.resolve (stores, stubs, test doubles).
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text, never HTML.',
        },
      ],
    },
  },
  {
    // The app's import graph: layers, features and cycles (tests and scripts may import anything).
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...featureZones] }],
    },
  },
  {
    // One owner of the address bar: src/state (use-url-sync.ts); everything else goes through the store.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/state/**'],
    rules: {
      'no-restricted-globals': ['error', ...ADDRESS_GLOBALS],
      'no-restricted-properties': [
        'error',
        ...['window', 'document', 'globalThis', 'self'].flatMap((object) =>
          ['location', 'history'].map((property) => ({ object, property, message: ADDRESS_MESSAGE })),
        ),
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/lib/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', NO_REACT] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...BROWSER_GLOBALS, ...ADDRESS_GLOBALS] },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
  },
);
