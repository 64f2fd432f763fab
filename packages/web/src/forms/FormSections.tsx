import { Fieldset, SimpleGrid } from '@mantine/core';
import type { FormName } from '@cmr-mass/core';
import type { ReactElement } from 'react';
import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldModel } from './field-model.js';
import { FieldInput } from './FieldInput.js';
import { LAYOUTS, sectionsOf } from './layouts.js';
import type { FormValues } from './payload.js';

/** Props of the generated sections of a form. */
export interface FormSectionsProps {
  readonly form: FormName;
  readonly fields: readonly FieldModel[];
  readonly control: Control<FormValues>;
  readonly values: FormValues;
  readonly errors: FieldErrors<FormValues>;
  readonly warnings: Readonly<Record<string, string>>;
  readonly missing: ReadonlySet<string>;
  readonly readOnly: boolean;
  readonly autoFocus: boolean;
}

const isEmpty = (v: unknown): boolean =>
  v === '' || v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/**
 * The inputs of a form, grouped into the sections of its layout, in a dense grid. A field hidden by
 * branching logic still shows while it holds a value, so no data is ever hidden.
 */
export function FormSections(p: FormSectionsProps): ReactElement {
  const { t } = useTranslation();
  const layout = LAYOUTS[p.form];
  const byName = new Map(p.fields.map((f) => [f.name, f]));
  const sections = sectionsOf(
    p.form,
    p.fields.map((f) => f.name)
  );
  let first = p.autoFocus;
  return (
    <>
      {sections.map((s) => {
        const shown = s.fields
          .map((n) => byName.get(n))
          .filter((f): f is FieldModel => f !== undefined)
          .filter((f) => {
            const cond = layout?.showIf?.[f.name];
            return !cond || cond(p.values) || !isEmpty(p.values[f.name]);
          });
        if (shown.length === 0) return null;
        return (
          <Fieldset key={s.title} legend={t(`fields.sections.${s.title}` as never)} p="xs" variant="filled">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs" verticalSpacing={6}>
              {shown.map((f) => {
                const wide = f.type.kind === 'codes' || (f.type.kind === 'text' && f.type.multiline);
                const focus = first && f.type.kind !== 'provenance';
                if (focus) first = false;
                const err = p.errors[f.name];
                return (
                  <div key={f.name} style={wide ? { gridColumn: '1 / -1' } : undefined}>
                    <Controller
                      name={f.name}
                      control={p.control}
                      render={({ field }) => (
                        <FieldInput
                          form={p.form}
                          field={f}
                          value={field.value}
                          onChange={field.onChange}
                          onBlur={field.onBlur}
                          error={typeof err?.message === 'string' ? err.message : undefined}
                          warning={p.warnings[f.name]}
                          options={layout?.optionsFor?.[f.name]?.(p.values) ?? null}
                          readOnly={p.readOnly || (layout?.readOnly?.includes(f.name) ?? false)}
                          markRequired={p.missing.has(f.name)}
                          autoFocus={focus}
                        />
                      )}
                    />
                  </div>
                );
              })}
            </SimpleGrid>
          </Fieldset>
        );
      })}
    </>
  );
}
