import { openDatabase } from './handle/open.js';
import { seedCasebook, seedStudy } from './testing/fixtures.js';
const h = openDatabase(process.argv[2]!);
await seedCasebook(await seedStudy(h));
await h.close();
