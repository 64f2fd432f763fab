import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app's bundle: `vite build` writes `packages/web/dist`, which the server serves; `vite`
 * (npm run dev) serves it with `/api` proxied to a local `cmr-mass serve` (CMR_MASS_API, default
 * http://127.0.0.1:3000).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.CMR_MASS_API ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
