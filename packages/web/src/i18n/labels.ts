import type { CodeList, FormName } from '@cmr-mass/core';
import { forms } from '@cmr-mass/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLang } from './index.js';
import { translateMessage } from './messages.js';

/** Label helpers in the current language: fields, code lists, forms, server messages. */
export interface Labels {
  readonly lang: UiLang;
  /** Translates a key that is built at run time (`fields.${form}.${name}`). */
  readonly tk: (key: string, options?: Readonly<Record<string, unknown>>) => string;
  /** The label of a field of a form. */
  readonly field: (form: FormName, name: string) => string;
  /** The label of a code in a code list (core's vocab). */
  readonly code: (list: CodeList, code: string) => string;
  /** The label of a form (core's `forms[f].label`). */
  readonly form: (form: FormName) => string;
  /** A server or schema message in the current language. */
  readonly message: (form: FormName | null, message: string) => string;
}

/** Label helpers for the current language. */
export function useLabels(): Labels {
  const { t, i18n } = useTranslation();
  const lang: UiLang = i18n.language === 'zh' ? 'zh' : 'en';
  return useMemo(
    () => makeLabels(lang, (key, options) => t(key as never, options as never) as unknown as string),
    [lang, t]
  );
}

/** Label helpers from a translate function (used by the hook and by tests). */
export function makeLabels(
  lang: UiLang,
  translate: (key: string, options?: Readonly<Record<string, unknown>>) => string
): Labels {
  const field = (form: FormName, name: string): string => {
    for (const key of [`fields.${form}.${name}`, `fields.common.${name}`]) {
      const v = translate(key);
      if (v !== key) return v;
    }
    return name;
  };
  return {
    lang,
    tk: translate,
    field,
    code: (list, code) => list.label(code, lang),
    form: (f) => forms[f].label[lang],
    message: (form, message) =>
      translateMessage(message, lang, (name) => {
        if (form) return field(form, name);
        for (const f of Object.keys(forms) as FormName[]) {
          const l = field(f, name);
          if (l !== name) return l;
        }
        return name;
      }),
  };
}
