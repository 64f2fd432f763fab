import type { FormName } from '@cmr-mass/core';
import type { Labels } from '../i18n/labels.js';
import { fieldOf } from './field-model.js';
import { text } from '../app/text.js';

/**
 * A stored value for people: code-list labels, yes/no, months, tesla, lists joined; "—" for nothing.
 */
export function formatValue(l: Labels, form: FormName, name: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return l.tk('common.none');
  const f = fieldOf(form, name);
  if (typeof value === 'boolean') return l.tk(value ? 'common.yes' : 'common.no');
  if (!f) return text(value);
  const t = f.type;
  switch (t.kind) {
    case 'code':
      return t.list ? l.code(t.list, text(value)) : choice(l, text(value));
    case 'codes':
      if (!Array.isArray(value)) return text(value);
      if (value.length === 0) return l.tk('common.none');
      return value
        .map((c) => (t.list ? l.code(t.list, text(c)) : choice(l, text(c))))
        .join(l.lang === 'zh' ? '、' : ', ');
    case 'literal':
      if (name === 'visitMonth') return l.tk('fields.choices.month', { count: Number(value) });
      if (name === 'fieldStrengthT') return l.tk('fields.choices.tesla', { value: text(value) });
      return text(value);
    case 'provenance':
      return typeof value === 'object' && value !== null && 'mapId' in value ? text(value.mapId) : '✓';
    case 'number':
    case 'date':
    case 'text':
    case 'boolean':
      return text(value);
  }
}

function choice(l: Labels, code: string): string {
  const key = `fields.choices.${code}`;
  const v = l.tk(key);
  return v === key ? code : v;
}
