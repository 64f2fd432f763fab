/**
 * Casebooks as newline-delimited JSON on disk, for the benchmark: written once by the generating
 * process, then streamed by the report's process (one casebook in memory at a time), as a database
 * cursor would stream them.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { Casebook } from '@cmr-mass/core';

/** Writes casebooks, one JSON object per line. */
export function writeNdjson(path: string, casebooks: Iterable<Casebook>): number {
  const fd = openSync(path, 'w');
  let n = 0;
  let buf = '';
  try {
    for (const cb of casebooks) {
      buf += `${JSON.stringify(cb)}\n`;
      n++;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    }
    if (buf) writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  return n;
}

/**
 * The casebooks of an NDJSON file; every iteration reads the file again, a chunk at a time. Lines are
 * found as newline bytes in the chunk and each is decoded on its own (UTF-8 never has a 0x0A byte
 * inside a character), so no text bigger than one casebook is ever built.
 */
export function readNdjson(path: string): Iterable<Casebook> {
  return {
    *[Symbol.iterator](): Generator<Casebook> {
      const fd = openSync(path, 'r');
      let chunk = Buffer.alloc(1 << 22);
      let start = 0; // the unread part of the chunk begins here
      let end = 0;
      try {
        for (;;) {
          if (start > 0) {
            chunk.copy(chunk, 0, start, end);
            end -= start;
            start = 0;
          }
          if (end === chunk.length) {
            const bigger = Buffer.alloc(chunk.length * 2);
            chunk.copy(bigger, 0, 0, end);
            chunk = bigger;
          }
          const got = readSync(fd, chunk, end, chunk.length - end, null);
          if (got === 0) break;
          end += got;
          for (let nl = chunk.indexOf(10, start); nl >= 0 && nl < end; nl = chunk.indexOf(10, start)) {
            if (nl > start) yield JSON.parse(chunk.toString('utf8', start, nl)) as Casebook;
            start = nl + 1;
          }
        }
        if (end > start) yield JSON.parse(chunk.toString('utf8', start, end)) as Casebook;
      } finally {
        closeSync(fd);
      }
    },
  };
}
