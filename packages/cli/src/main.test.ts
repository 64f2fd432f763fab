import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { commandLoaders } from './commands/registry.js';
import { captureIo } from './test-io.js';

describe('cmr-mass', () => {
  it('lists every command in --help and exits 0', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    for (const name of Object.keys(commandLoaders)) {
      expect(io.out()).toContain(`  ${name} `);
    }
  });

  it('refuses an unknown command with exit code 2 and names it', async () => {
    const io = captureIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toContain("unknown command 'frobnicate'");
  });

  it('gives every command a --help text', async () => {
    for (const name of Object.keys(commandLoaders)) {
      const io = captureIo();
      expect(await main([name, '--help'], io)).toBe(0);
      expect(io.out().length).toBeGreaterThan(10);
    }
  });
});
