import { describe, expect, it } from 'vitest';
import { boundaryOf, buildMultipart, parseMultipart } from './multipart.js';

describe('multipart/related', () => {
  it('finds quoted and unquoted boundaries', () => {
    expect(boundaryOf('multipart/related; type="application/dicom"; boundary="abc 1"')).toBe('abc 1');
    expect(boundaryOf('multipart/related;boundary=xyz;type=application/dicom')).toBe('xyz');
    expect(() => boundaryOf('application/dicom')).toThrow(/boundary/);
  });

  it('round-trips binary parts, including CRLF and boundary-like bytes inside them', () => {
    const a = Uint8Array.of(0, 13, 10, 45, 45, 255);
    const b = new TextEncoder().encode('--not-the-boundary\r\n');
    const { body, boundary } = buildMultipart([a, b], 'application/dicom');
    const parts = parseMultipart(body, boundary);
    expect(parts.map((p) => Array.from(p.body))).toEqual([Array.from(a), Array.from(b)]);
    expect(parts[0]!.headers['content-type']).toBe('application/dicom');
  });

  it('parses a hand-written message with a preamble and an epilogue', () => {
    const text =
      'preamble\r\n--B\r\nContent-Type: text/plain\r\n\r\nhello\r\n--B\r\nContent-Type: text/plain\r\n\r\nworld\r\n--B--\r\nepilogue';
    const parts = parseMultipart(new TextEncoder().encode(text), 'B');
    expect(parts.map((p) => new TextDecoder().decode(p.body))).toEqual(['hello', 'world']);
  });
});
