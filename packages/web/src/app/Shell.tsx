import { Anchor, Badge, Box, Button, Group, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useRoute } from '../router/router.js';
import { useApp } from './context.js';
import { DemoBanner } from './DemoBanner.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { navFor } from './nav.js';

/**
 * The frame of every page: the demo banner, the app name, the role's navigation (Alt+letter
 * shortcuts), the user, the language switch and log out, then the page.
 */
export function Shell(p: { readonly children: ReactNode }): ReactElement {
  const { t } = useTranslation();
  const { user, meta, logout } = useApp();
  const route = useRoute();
  const items = navFor(user.role);
  useHotkeys(
    items
      .filter((i) => i.hotkey)
      .map((i) => [
        `alt+${i.hotkey ?? ''}`,
        () => {
          navigate(i.path);
        },
      ])
  );
  const name = user.displayName ?? user.email;
  return (
    <Box>
      <a
        href="#main"
        className="skip-link"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      {meta.demo && <DemoBanner />}
      <Box
        component="header"
        px="md"
        py={6}
        style={{
          borderBottom: '1px solid var(--mantine-color-gray-3)',
          background: 'var(--mantine-color-gray-0)',
        }}
      >
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="lg" wrap="nowrap">
            <Box>
              <Text fw={700} size="sm" lh={1.1}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" lh={1.1}>
                {t('app.tagline')}
              </Text>
            </Box>
            <Group component="nav" aria-label={t('nav.label')} gap={4} wrap="nowrap">
              {items.map((i) => {
                const active = route.path === i.path || route.path.startsWith(`${i.path}/`);
                const keys = i.hotkey ? `Alt+${i.hotkey.toUpperCase()}` : undefined;
                return (
                  <Button
                    key={i.key}
                    component="a"
                    href={`#${i.path}`}
                    size="xs"
                    variant={active ? 'filled' : 'subtle'}
                    aria-current={active ? 'page' : undefined}
                    aria-keyshortcuts={keys}
                    title={keys}
                    data-nav={i.key}
                  >
                    {t(`nav.${i.key}`)}
                  </Button>
                );
              })}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {user.role === 'reader' && (
              <Badge color="grape" variant="light" size="sm">
                {t('nav.blindedMode')}
              </Badge>
            )}
            <Text size="xs" ta="right" lh={1.2}>
              {t('nav.signedInAs', { name })}
              <br />
              <Text span c="dimmed" size="xs">
                {t(`roles.${user.role}`)}
              </Text>
            </Text>
            <LanguageSwitch />
            <Button size="xs" variant="default" onClick={logout} data-testid="logout">
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </Box>
      <Box component="main" id="main" tabIndex={-1} px="md" py="sm" style={{ outline: 'none' }}>
        {p.children}
      </Box>
      <Box component="footer" px="md" py={4}>
        <Text size="xs" c="dimmed">
          {t('app.shortcuts')} · {t('app.version', { version: meta.version })}{' '}
          <Anchor href="/api/openapi.json" size="xs" c="dimmed">
            OpenAPI
          </Anchor>
        </Text>
      </Box>
    </Box>
  );
}
