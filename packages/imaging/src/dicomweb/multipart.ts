/** One body part of a multipart/related message. */
export interface MultipartPart {
  /** Part headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/**
 * The boundary parameter of a `multipart/related` Content-Type (quoted or not).
 *
 * @throws Error when there is none
 */
export function boundaryOf(contentType: string): string {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const b = m?.[1] ?? m?.[2];
  if (!b) throw new Error(`no multipart boundary in Content-Type "${contentType}"`);
  return b;
}

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  return Buffer.from(hay.buffer, hay.byteOffset, hay.byteLength).indexOf(
    Buffer.from(needle.buffer, needle.byteOffset, needle.byteLength),
    from
  );
}

const CRLF = Uint8Array.of(13, 10);
const CRLFCRLF = Uint8Array.of(13, 10, 13, 10);

/**
 * Splits a multipart body (RFC 2046 §5.1; DICOMweb uses `multipart/related`, RFC 2387) into its
 * parts: each starts after `--boundary` CRLF, has headers up to an empty line, and its content ends
 * at the CRLF before the next delimiter. The closing delimiter is `--boundary--`.
 * See: DICOM PS3.18 §8.7.1 (multipart payloads).
 *
 * @param body - the whole message body
 * @param boundary - from {@link boundaryOf}
 */
export function parseMultipart(body: Uint8Array, boundary: string): MultipartPart[] {
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = indexOf(body, delimiter, 0);
  if (pos < 0) throw new Error('multipart body without its boundary');
  for (;;) {
    const after = pos + delimiter.length;
    // "--" right after the delimiter closes the message.
    if (body[after] === 45 && body[after + 1] === 45) break;
    const headerStart = indexOf(body, CRLF, after) + 2;
    const headerEnd = indexOf(body, CRLFCRLF, headerStart - 2);
    if (headerStart < 2 || headerEnd < 0) throw new Error('malformed multipart part (no header end)');
    const headers: Record<string, string> = {};
    const headerText = new TextDecoder().decode(body.subarray(headerStart, headerEnd));
    for (const line of headerText.split('\r\n')) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    const contentStart = headerEnd + 4;
    const next = indexOf(body, delimiter, contentStart);
    if (next < 0) throw new Error('malformed multipart body (no closing boundary)');
    // The CRLF before the delimiter belongs to the delimiter.
    const contentEnd = next >= 2 && body[next - 2] === 13 && body[next - 1] === 10 ? next - 2 : next;
    parts.push({ headers, body: body.slice(contentStart, contentEnd) });
    pos = next;
  }
  return parts;
}

/**
 * Builds a `multipart/related` body with one part per payload.
 *
 * @returns the body and the boundary used
 */
export function buildMultipart(
  payloads: readonly Uint8Array[],
  contentType: string
): { body: Uint8Array<ArrayBuffer>; boundary: string } {
  const boundary = `cmr-mass-${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const p of payloads) {
    chunks.push(enc.encode(`--${boundary}\r\nContent-Type: ${contentType}\r\n\r\n`), p, CRLF);
  }
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  const total = chunks.reduce((s, c) => s + c.length, 0);
  const body = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    body.set(c, o);
    o += c.length;
  }
  return { body, boundary };
}
