/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The built app's Content-Security-Policy. No inline script and no eval; styles allow inline
 * because React and Recharts set style attributes. connect-src admits any http(s) origin because
 * the user may explicitly open a dataset from another host with `?data=<url>`; the app itself
 * only ever requests its own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https: http:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

// Build only: the dev server injects inline scripts for HMR, which this policy would block.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'stance-tracker-csp',
    apply: 'build',
    transformIndexHtml: (html) => {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
      // Right after the charset, before anything the policy governs.
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      return charset.test(html)
        ? html.replace(charset, (m) => `${m}\n    ${meta}`)
        : html.replace(/<head>/i, `<head>\n    ${meta}`);
    },
  };
}

// V8 compiles a function expression in parentheses eagerly, on the thread that streams the script in,
// but an arrow only when first called, on the main thread. Rolldown wraps each CommonJS module (React
// DOM among them) in an arrow, so React DOM's 200 KB body was compiled in the page's start task; as a
// function it is compiled while it downloads. Module bodies use neither `this` nor `arguments` (Rolldown
// passes `this` as a parameter), so the two forms behave alike.
function eagerCommonJsWrappers(): Plugin {
  return {
    name: 'stance-tracker-eager-commonjs-wrappers',
    apply: 'build',
    renderChunk(code) {
      const out = code.replace(/__commonJSMin\(\(\(([\w$, ]*)\) => \{/g, '__commonJSMin((function ($1) {');
      return out === code ? null : { code: out, map: null };
    },
  };
}

// base './' makes every asset and data URL relative, so dist/ works from any sub-path of any static server.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), eagerCommonJsWrappers()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 900 },
  // Workers as ES modules: a worker's dynamic import is a chunk of its own (loaded when imported)
  // rather than inlined, so the dataset worker's script is a few KB and starts its request at once.
  worker: { format: 'es' },
  test: {
    globals: true,
    setupFiles: ['./tests/setup.ts'],
    restoreMocks: true,
    // Only catches a hang; conditions are awaited with findBy/waitFor, never with sleeps.
    testTimeout: 60_000,
    pool: 'threads',
    // Vitest defaults to one worker fewer than the cores, which is one worker on these 2-core machines.
    maxWorkers: 2,
    projects: [
      // Pure code needs no DOM: Node starts in milliseconds where jsdom takes most of a second per file.
      // The few unit files that parse SVG or use localStorage say `@vitest-environment jsdom` themselves.
      // isolate: false runs a worker's files in one module graph (React, the app, the fixtures load once);
      // tests/setup.ts resets what they share (the UI store, localStorage, the address).
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          isolate: false,
          include: ['tests/unit/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'jsdom',
          isolate: false,
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          exclude: ['tests/integration/*-worker.test.ts'],
        },
      },
      // @vitest/web-worker installs a global Worker, which must not leak into the other files.
      {
        extends: true,
        test: { name: 'workers', environment: 'jsdom', include: ['tests/integration/*-worker.test.ts'] },
      },
    ],
  },
});
