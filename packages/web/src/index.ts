/**
 * @cmr-mass/web: the React application (built by Vite into `packages/web/dist`, served by the
 * server). Exports what other packages may need: the path of the built bundle.
 */
import { fileURLToPath } from 'node:url';

/** The folder of the built web app (`vite build` output), for the server to serve. */
export const WEB_DIST_DIR: string = fileURLToPath(new URL('../dist', import.meta.url));
