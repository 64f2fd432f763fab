import { describe, expect, it } from 'vitest';
import { ByteLru } from './source-pixels.js';

describe('ByteLru', () => {
  it('keeps the most recently used entries within its byte bound', () => {
    const lru = new ByteLru(10);
    lru.set('a', new Uint8Array(4));
    lru.set('b', new Uint8Array(4));
    expect(lru.get('a')).toBeDefined();
    lru.set('c', new Uint8Array(4));
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBeDefined();
    expect(lru.get('c')).toBeDefined();
    expect(lru.size).toBe(8);
    lru.set('huge', new Uint8Array(11));
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.size).toBe(8);
  });
});
