import { Button } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/index.js';

/** The name of each language in itself. */
const NAMES = { en: 'English', zh: '中文' } as const;

/**
 * English / 中文 switch (two pressed-or-not buttons, no measured sliding indicator); the choice is
 * remembered in the browser.
 */
export function LanguageSwitch(): ReactElement {
  const { t, i18n } = useTranslation();
  const current = i18n.language === 'zh' ? 'zh' : 'en';
  return (
    <Button.Group aria-label={t('app.language')} data-testid="language-switch">
      {LANGUAGES.map((lang) => (
        <Button
          key={lang}
          size="compact-xs"
          variant={current === lang ? 'filled' : 'default'}
          aria-pressed={current === lang}
          lang={lang === 'zh' ? 'zh-CN' : 'en'}
          onClick={() => void i18n.changeLanguage(lang)}
        >
          {NAMES[lang]}
        </Button>
      ))}
    </Button.Group>
  );
}
