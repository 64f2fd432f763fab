import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zh } from './zh.js';

type Tree = { readonly [k: string]: string | Tree };

function leaves(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

/** Strings that are the same in both languages on purpose (names, units, symbols). */
const SAME_IN_BOTH = new Set(['app.name', 'common.none', 'forms.select', 'fields.choices.tesla']);

describe('dictionaries', () => {
  const e = leaves(en);
  const z = leaves(zh);

  it('have the same keys', () => {
    expect([...z.keys()].sort()).toEqual([...e.keys()].sort());
  });

  it('translate every string into Chinese', () => {
    const untranslated = [...e.entries()].filter(([k, v]) => {
      const c = z.get(k) ?? '';
      if (SAME_IN_BOTH.has(k) || c === '') return c === '';
      // An English word left in the Chinese text (CMR, T1, NYHA, LVEF... are fine: names, not words).
      return c === v && /[a-z]{3,}/.test(v.replace(/\{\{\w+\}\}/g, ''));
    });
    expect(untranslated).toEqual([]);
  });

  it('keep the same interpolations', () => {
    const vars = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
    for (const [k, v] of e) expect([k, vars(z.get(k) ?? '')]).toEqual([k, vars(v)]);
  });
});

/** Component files, to check that no visible text is hard-coded. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'test' ? [] : sources(p);
    return p.endsWith('.tsx') && !p.endsWith('.test.tsx') ? [p] : [];
  });
}

/** Words allowed as literal text: names that are not translated. */
const ALLOWED_LITERALS = new Set(['English', '中文', 'OpenAPI']);

describe('components', () => {
  const files = sources(join(import.meta.dirname, '..'));

  it('are found', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('show no hard-coded words (JSX text or label/title/placeholder props)', () => {
    const problems: string[] = [];
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/>([^<>{}\n;=()]*[A-Za-z\u4e00-\u9fff]{2,}[^<>{}\n;=()]*)</g)) {
        const s = (m[1] ?? '').trim();
        if (s && !ALLOWED_LITERALS.has(s)) problems.push(`${f}: ${s}`);
      }
      for (const m of src.matchAll(
        /\b(label|title|placeholder|aria-label|description)="([^"]*[A-Za-z\u4e00-\u9fff][^"]*)"/g
      )) {
        if (!ALLOWED_LITERALS.has(m[2] ?? '')) problems.push(`${f}: ${m[1] ?? ''}="${m[2] ?? ''}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});
