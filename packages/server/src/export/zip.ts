import { constants, crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';

/**
 * A streaming ZIP writer: each entry is deflated as it is produced and followed by a data descriptor
 * (general-purpose flag bit 3), so no file is held in memory whole and nothing needs seeking. No
 * ZIP64: an entry or archive past 4 GiB is refused.
 *
 * See: PKWARE APPNOTE.TXT 6.3.10 (§4.3.7 local header, §4.3.9 data descriptor, §4.3.12 central
 * directory, §4.3.16 end of central directory).
 */

/** One file of the archive. */
export interface ZipEntry {
  readonly name: string;
  produce(): AsyncIterable<string | Buffer>;
}

const FLAGS = 0x0008 | 0x0800; // sizes in a data descriptor; UTF-8 names
const DEFLATE = 8;
const VERSION = 20;
const LIMIT = 0xffff_ffff;

/** MS-DOS time and date of a moment (UTC), as ZIP headers hold them. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** Deflates a chunk through a persistent stream and returns what it emitted (sync flush). */
function deflateChunk(z: DeflateRaw, input: Buffer, sink: Buffer[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    z.write(input, (err) => {
      if (err) {
        reject(err);
      }
    });
    z.flush(constants.Z_SYNC_FLUSH, () => {
      resolve(Buffer.concat(sink.splice(0)));
    });
  });
}

function finish(z: DeflateRaw, sink: Buffer[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    z.once('error', reject);
    z.once('end', () => {
      resolve(Buffer.concat(sink.splice(0)));
    });
    z.end();
  });
}

/** Streams a ZIP archive of the entries, written at `now`. */
export async function* zipStream(entries: readonly ZipEntry[], now: Date): AsyncGenerator<Buffer> {
  const { time, date } = dosDateTime(now);
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(FLAGS, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt16LE(name.length, 26);
    const headerOffset = offset;
    yield Buffer.concat([local, name]);
    offset += 30 + name.length;

    const z = createDeflateRaw();
    const sink: Buffer[] = [];
    z.on('data', (c: Buffer) => sink.push(c));
    let crc = 0;
    let size = 0;
    let csize = 0;
    for await (const piece of entry.produce()) {
      const buf = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      crc = crc32(buf, crc);
      size += buf.length;
      const out = await deflateChunk(z, buf, sink);
      csize += out.length;
      if (out.length > 0) yield out;
    }
    const tail = await finish(z, sink);
    csize += tail.length;
    if (tail.length > 0) yield tail;
    if (size > LIMIT || csize > LIMIT || offset + csize > LIMIT) throw new RangeError('zip: entry larger than 4 GiB');
    offset += csize;

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(csize, 8);
    descriptor.writeUInt32LE(size, 12);
    yield descriptor;
    offset += 16;

    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(VERSION, 4);
    cd.writeUInt16LE(VERSION, 6);
    cd.writeUInt16LE(FLAGS, 8);
    cd.writeUInt16LE(DEFLATE, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(csize, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(headerOffset, 42);
    central.push(Buffer.concat([cd, name]));
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield directory;
  yield end;
}
