import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Modules of `@cmr-mass/core`: pure definitions (no I/O, nothing registered on import). */
const CORE = /[\\/]packages[\\/]core[\\/]src[\\/]/;

/**
 * The web app's bundle: `vite build` writes `packages/web/dist`, which the server serves; `vite`
 * (npm run dev) serves it with `/api` proxied to a local `cmr-mass serve` (CMR_MASS_API, default
 * http://127.0.0.1:3000).
 *
 * The first screen (log-in, participant list, worklist, reading queue) is one script; the other pages
 * are chunks loaded on first use (`src/app/pages.ts`).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // core declares no `sideEffects`; its modules are pure, so the parts the first screen does not
      // use (decision support, derived variables, rules) move to the chunks of the pages that do.
      treeshake: { moduleSideEffects: (id: string) => (CORE.test(id) ? false : undefined) },
      output: {
        // Everything the first screen needs in one script (one request instead of eight, which
        // HTTP/1.1's six connections would queue); pages opened later stay in their own chunks.
        codeSplitting: {
          groups: [{ name: 'app', tags: ['$initial'], includeDependenciesRecursively: false }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.CMR_MASS_API ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
