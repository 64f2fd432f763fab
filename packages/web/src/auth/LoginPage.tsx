import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type ReactElement, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/errors.js';
import type { SessionInfo } from '../api/types.js';
import { useApi } from '../app/context.js';
import { LanguageSwitch } from '../app/LanguageSwitch.js';

/** Props of the login page. */
export interface LoginPageProps {
  readonly onLoggedIn: (s: SessionInfo) => void;
  /** A notice to show above the form (session expired, logged out). */
  readonly notice?: string | null;
}

/** E-mail and password; errors said plainly, in the chosen language. */
export function LoginPage(p: LoginPageProps): ReactElement {
  const { t } = useTranslation();
  const api = useApi();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: SyntheticEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      p.onLoggedIn(await api.login(email.trim(), password));
    } catch (err) {
      if (err instanceof NetworkError) setError(t('common.networkError'));
      else if (err instanceof ApiError && err.code === 'account_locked') setError(t('auth.locked'));
      else if (err instanceof ApiError && (err.status === 401 || err.status === 400)) {
        setError(t('auth.failed'));
      } else {
        setError(t('common.unknownError', { message: err instanceof Error ? err.message : String(err) }));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="80vh" component="main">
      <Paper withBorder shadow="sm" p="lg" w={380}>
        <form onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} size="h3" id="login-title">
                {t('auth.title')}
              </Title>
              <LanguageSwitch />
            </Group>
            <Text size="sm" c="dimmed">
              {t('auth.intro')}
            </Text>
            {p.notice && (
              <Alert color="blue" p="xs">
                {p.notice}
              </Alert>
            )}
            {error && (
              <Alert color="red" p="xs" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              id="login-email"
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => {
                setEmail(e.currentTarget.value);
              }}
              autoFocus
            />
            <PasswordInput
              id="login-password"
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
              }}
            />
            <Button type="submit" loading={busy} fullWidth>
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
