import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two projects: the core, rules and server in Node; components and hooks in a DOM (happy-dom) against a real core.
export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one worker (cores - 1), which leaves a core idle while tests wait on
    // fsync, child processes and timers (the durability tests kill real processes). Two workers halve the wall time
    // there; nothing in a test depends on wall-clock speed, so sharing the cores changes no result.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // One module graph per worker, not one per file: the core's modules were imported 94 times over (~110 s
          // of the unit run's work, ~55 s of its wall time on CI). The unit tests share no module state (no mocks, no
          // env writes, each core on its own folder), and a test that leaned on a cold module's slowness was made
          // deterministic (search-paging). The DOM tests stay isolated: happy-dom's window and i18n's language are
          // per file.
          isolate: false,
        },
      },
      {
        plugins: [react()],
        test: { name: 'dom', include: ['tests/dom/**/*.test.tsx'], environment: 'happy-dom', setupFiles: ['tests/dom/setup.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
      },
    ],
  },
});
