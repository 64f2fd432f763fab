/**
 * A small XML well-formedness check for the figures' tests: balanced tags, quoted attributes, valid
 * entity references, one root. Not a full parser (no DTDs); enough to catch broken SVG.
 */

/** What {@link checkXml} found. */
export interface XmlCheck {
  readonly errors: readonly string[];
  /** The root element's name and attributes. */
  readonly root: { readonly name: string; readonly attributes: Readonly<Record<string, string>> } | null;
  /** Every element name, in document order. */
  readonly elements: readonly string[];
  /** The text content, entities decoded, one string per text node (whitespace-only nodes dropped). */
  readonly texts: readonly string[];
}

const NAME = /^[A-Za-z_:][\w:.-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function badAmpersand(s: string): boolean {
  return s.replace(ENTITY, '').includes('&');
}

/** Checks that `text` is well-formed XML. */
export function checkXml(text: string): XmlCheck {
  const errors: string[] = [];
  const stack: string[] = [];
  const elements: string[] = [];
  const texts: string[] = [];
  let root: XmlCheck['root'] = null;
  let rootsClosed = 0;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (chunk.trim() !== '') {
      if (stack.length === 0) errors.push(`text outside the root element: ${chunk.slice(0, 30)}`);
      if (badAmpersand(chunk)) errors.push(`bare & in text: ${chunk.slice(0, 30)}`);
      if (chunk.includes('>')) errors.push(`bare > in text: ${chunk.slice(0, 30)}`);
      texts.push(decode(chunk));
    }
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt);
      if (end < 0) errors.push('unterminated processing instruction');
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt);
      i = end < 0 ? text.length : end + 3;
      continue;
    }
    const gt = text.indexOf('>', lt);
    if (gt < 0) {
      errors.push('unterminated tag');
      break;
    }
    const tag = text.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) errors.push(`</${name}> closes <${open ?? 'nothing'}>`);
      if (stack.length === 0) rootsClosed++;
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([^\s/>]+)([\s\S]*)$/.exec(body);
    if (!m || !NAME.test(m[1]!)) {
      errors.push(`bad tag <${tag.slice(0, 30)}>`);
      continue;
    }
    const name = m[1]!;
    const attributes: Record<string, string> = {};
    const rest = m[2]!.trim();
    const attr = /([^\s=]+)\s*=\s*("([^"<]*)"|'([^'<]*)')\s*/y;
    let pos = 0;
    while (pos < rest.length) {
      attr.lastIndex = pos;
      const a = attr.exec(rest);
      if (!a) {
        errors.push(`bad attributes in <${name}>: ${rest.slice(pos, pos + 30)}`);
        break;
      }
      const value = a[3] ?? a[4] ?? '';
      if (attributes[a[1]!] !== undefined) errors.push(`duplicate attribute ${a[1]!} in <${name}>`);
      if (badAmpersand(value)) errors.push(`bare & in attribute ${a[1]!} of <${name}>`);
      attributes[a[1]!] = decode(value);
      pos = attr.lastIndex;
    }
    if (stack.length === 0) {
      if (root !== null || rootsClosed > 0) errors.push(`a second root element <${name}>`);
      root ??= { name, attributes };
    }
    elements.push(name);
    if (selfClosing) {
      if (stack.length === 0) rootsClosed++;
    } else {
      stack.push(name);
    }
  }
  if (stack.length > 0) errors.push(`unclosed <${stack.join('>, <')}>`);
  if (root === null) errors.push('no root element');
  return { errors, root, elements, texts };
}
