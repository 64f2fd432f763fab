import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../api/types.js';
import { LoginPage } from '../auth/LoginPage.js';
import { navigate } from '../router/router.js';
import type { Boot } from './boot.js';
import { metaQuery } from './boot.js';
import { AppProvider, useApi } from './context.js';
import { homeOf } from './nav.js';
import { Routes } from './Routes.js';
import { Shell } from './Shell.js';

/**
 * The application: loads the server's metadata and the session (both requested at start-up by
 * {@link Boot}, in parallel), shows the login page or the role's pages, and returns to the login page
 * when the session expires.
 */
export function App(p: { readonly boot?: Boot }): ReactElement {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const meta = useQuery(metaQuery(api));
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const bootSession = p.boot?.session;

  // The session once, at start-up (a language change must not ask again, nor undo a login).
  useEffect(() => {
    let live = true;
    (bootSession ?? api.me()).then(
      (s) => {
        if (live) setSession((cur) => (cur === undefined ? s : cur));
      },
      () => {
        if (live) setSession((cur) => (cur === undefined ? null : cur));
      }
    );
    return () => {
      live = false;
    };
  }, [api, bootSession]);

  useEffect(() => {
    api.http.onUnauthenticated(() => {
      setSession(null);
      setNotice(t('auth.expired'));
      queryClient.clear();
    });
    return () => {
      api.http.onUnauthenticated(null);
    };
  }, [api, queryClient, t]);

  if (meta.isError) {
    return (
      <Center mih="60vh">
        <Stack align="center">
          <Alert color="red">{t('common.networkError')}</Alert>
          <Button size="xs" onClick={() => void meta.refetch()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Center>
    );
  }
  if (!meta.data || session === undefined) {
    return (
      <Center mih="60vh" aria-busy="true">
        <Loader size="sm" aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (session === null) {
    return (
      <LoginPage
        notice={notice}
        onLoggedIn={(s) => {
          setNotice(null);
          setSession(s);
          queryClient.clear();
          navigate(homeOf(s.user.role), true);
        }}
      />
    );
  }
  const logout = (): void => {
    void api.logout().finally(() => {
      queryClient.clear();
      setSession(null);
      setNotice(t('auth.loggedOut'));
      navigate('/', true);
    });
  };
  return (
    <AppProvider value={{ api, meta: meta.data, user: session.user, logout }}>
      <Shell>
        <Routes />
      </Shell>
    </AppProvider>
  );
}
