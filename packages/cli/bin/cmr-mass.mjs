#!/usr/bin/env node
// The cmr-mass command. The packages are TypeScript run from source through tsx's loader,
// so a fresh clone needs no build step before `npm start` or `npx cmr-mass`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
