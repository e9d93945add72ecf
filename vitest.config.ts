import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two projects: the core, rules and server in Node; components and hooks in a DOM (happy-dom) against a real core.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'], environment: 'node', testTimeout: 30_000, hookTimeout: 30_000 } },
      {
        plugins: [react()],
        test: { name: 'dom', include: ['tests/dom/**/*.test.tsx'], environment: 'happy-dom', setupFiles: ['tests/dom/setup.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
      },
    ],
  },
});
