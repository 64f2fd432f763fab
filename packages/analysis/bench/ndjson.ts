/**
 * Casebooks as newline-delimited JSON on disk, for the benchmark: written once by the generating
 * process, then streamed by the report's process (one casebook in memory at a time), as a database
 * cursor would stream them.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
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

/** The casebooks of an NDJSON file; every iteration reads the file again, a chunk at a time. */
export function readNdjson(path: string): Iterable<Casebook> {
  return {
    *[Symbol.iterator](): Generator<Casebook> {
      const fd = openSync(path, 'r');
      const chunk = Buffer.alloc(1 << 20);
      const decoder = new StringDecoder('utf8');
      let rest = '';
      try {
        for (;;) {
          const got = readSync(fd, chunk, 0, chunk.length, null);
          if (got === 0) break;
          const text = rest + decoder.write(chunk.subarray(0, got));
          const lines = text.split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) if (line) yield JSON.parse(line) as Casebook;
        }
        if (rest) yield JSON.parse(rest) as Casebook;
      } finally {
        closeSync(fd);
      }
    },
  };
}
