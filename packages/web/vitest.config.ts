import { defineProject } from 'vitest/config';

/**
 * The web app's tests: component tests beside the components (happy-dom), and the end-to-end tests
 * in `e2e/` that drive Debian's Chromium against a real server (they skip, saying why, without it).
 */
export default defineProject({
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
