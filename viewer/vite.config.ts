// Build settings of the viewer: `vite build viewer` (from the repo root) writes the app to viewer/dist as one script and
// one stylesheet (so `kg export --format html` can inline them), then the bench baseline page to viewer/dist/bench.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** `KG_GRAPH=graphs/x.json npx vite viewer`: the dev server answers /graph.json the way `kg view` does. */
function devGraph(): Plugin {
  return {
    name: 'kg-dev-graph',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/graph.json', (_req, res) => {
        const path = process.env.KG_GRAPH;
        if (path === undefined) {
          res.statusCode = 404;
          res.end('Set KG_GRAPH to a graph file to serve it here.\n');
          return;
        }
        readFile(resolve(repoRoot, path)).then(
          (body) => {
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.end(body);
          },
          () => {
            res.statusCode = 404;
            res.end(`Cannot read ${path}\n`);
          },
        );
      });
    },
  };
}

/**
 * The bare-sigma page `npm run bench` compares the viewer with, built separately so that it shares no chunk
 * with the app (the app must stay a single script to be inlined).
 */
function benchPage(): Plugin {
  return {
    name: 'kg-bench-page',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        root: resolve(root, 'bench'),
        base: './',
        publicDir: false,
        logLevel: 'warn',
        build: {
          outDir: resolve(root, 'dist', 'bench'),
          emptyOutDir: true,
          target: 'es2022',
          modulePreload: { polyfill: false },
          rollupOptions: { input: resolve(root, 'bench', 'bare.html') },
          chunkSizeWarningLimit: 1500,
        },
      });
    },
  };
}

/** The store page of `kg view --store`, built on its own to viewer/dist/store (it shares no chunk with the app). */
function storePage(): Plugin {
  return {
    name: 'kg-store-page',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        root: resolve(root, 'store'),
        base: './',
        publicDir: false,
        logLevel: 'warn',
        build: {
          outDir: resolve(root, 'dist', 'store'),
          emptyOutDir: true,
          target: 'es2022',
          modulePreload: { polyfill: false },
          assetsInlineLimit: 0,
          rollupOptions: { input: resolve(root, 'store', 'index.html') },
          chunkSizeWarningLimit: 1500,
        },
        server: { fs: { allow: [repoRoot] } },
      });
    },
  };
}

export default defineConfig({
  root,
  // Relative asset paths: the app works wherever it is served from (kg view, a static host, a sub-folder).
  base: './',
  publicDir: false,
  plugins: [devGraph(), benchPage(), storePage()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or styles in index.html: the CSP allows only same-origin files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: { allow: [repoRoot] },
  },
});
