import { defineConfig } from 'vitest/config';

/**
 * One Vitest run for the whole workspace: each package is a project with its own config
 * (the web app needs a DOM environment; the rest run in Node).
 */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts'],
  },
});
