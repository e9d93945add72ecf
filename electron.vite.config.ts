import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

// Our folders are electron/, renderer/, shared/ rather than electron-vite's default src/*.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // chinese-days is imported as JSON, which Node 20 refuses without an import attribute: bundle it.
      externalizeDeps: { exclude: ['chinese-days'] },
      lib: {
        entry: {
          index: resolve('electron/main/index.ts'),
          // Web mode and the core's workers (the store's compaction, the spool's parser, the search index) are built beside the main bundle (no Electron in them).
          web: resolve('electron/web/cli.ts'),
          'compact-worker': resolve('electron/core/store/compactWorker.ts'),
          'spool-parse-worker': resolve('electron/core/services/spool/parseWorker.ts'),
          'search-worker': resolve('electron/core/services/search/searchWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing from node_modules and must be CommonJS.
      externalizeDeps: false,
      lib: { entry: { index: resolve('electron/preload/index.ts') } },
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // ES2021 lowers class private fields (#x, used by TanStack Query), which Electronegativity's parser cannot
      // read; a file it cannot parse fails the security gate (tests/e2e/electronegativity.spec.ts).
      target: 'es2021',
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
