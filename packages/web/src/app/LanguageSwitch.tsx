import { SegmentedControl } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** English / 中文 switch; the choice is remembered in the browser. */
export function LanguageSwitch(): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language === 'zh' ? 'zh' : 'en'}
      onChange={(v) => void i18n.changeLanguage(v)}
      data={[
        { value: 'en', label: 'English' },
        { value: 'zh', label: '中文' },
      ]}
      data-testid="language-switch"
    />
  );
}
