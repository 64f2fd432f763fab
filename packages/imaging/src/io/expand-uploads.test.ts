import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expandUploads, UploadLimitError } from './expand-uploads.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('expandUploads', () => {
  it('keeps plain files, unpacks archives (nested too) and names entries after their archive', () => {
    const inner = zipSync({ 'c.dcm': bytes('ccc') });
    const outer = zipSync({ 'a/b.dcm': bytes('bb'), 'dir/': new Uint8Array(0), 'inner.zip': inner });
    const r = expandUploads([
      { name: 'x.dcm', bytes: bytes('x') },
      { name: 'up.zip', bytes: outer },
    ]);
    expect(r.files.map((f) => [f.name, f.fromArchive, new TextDecoder().decode(f.bytes)])).toEqual([
      ['x.dcm', false, 'x'],
      ['up.zip:a/b.dcm', true, 'bb'],
      ['up.zip:inner.zip:c.dcm', true, 'ccc'],
    ]);
    expect(r.skipped).toEqual([]);
  });

  it('lists an unreadable archive as skipped', () => {
    const broken = zipSync({ 'a.dcm': bytes('a') }).slice(0, 20);
    const r = expandUploads([{ name: 'broken.zip', bytes: broken }]);
    expect(r.files).toEqual([]);
    expect(r.skipped[0]).toMatchObject({
      source: 'broken.zip',
      reason: expect.stringMatching(/unreadable zip/) as unknown,
    });
  });

  it('refuses more files or unpacked bytes than allowed, before inflating', () => {
    const zip = zipSync({ 'a.dcm': new Uint8Array(1000), 'b.dcm': new Uint8Array(1000) });
    expect(() => expandUploads([{ name: 'z.zip', bytes: zip }], { maxBytes: 1500 })).toThrow(
      UploadLimitError
    );
    expect(() => expandUploads([{ name: 'z.zip', bytes: zip }], { maxFiles: 1 })).toThrow(UploadLimitError);
    expect(
      expandUploads([{ name: 'z.zip', bytes: zip }], { maxFiles: 2, maxBytes: 2000 }).files
    ).toHaveLength(2);
  });
});
