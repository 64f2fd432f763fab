import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useState, type ReactElement, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Api } from '../api/api.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../api/errors.js';
import { App } from './App.js';
import type { Boot } from './boot.js';
import { ApiProvider } from './context.js';

/** Dense defaults: small inputs and buttons, as data-entry screens need. */
const theme = createTheme({
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
  defaultRadius: 'sm',
  primaryColor: 'blue',
  components: {
    TextInput: { defaultProps: { size: 'xs' } },
    NativeSelect: { defaultProps: { size: 'xs' } },
    Button: { defaultProps: { size: 'xs' } },
  },
});

/** A query client that does not retry what retrying cannot fix. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (n, e) =>
          !(e instanceof ForbiddenError || e instanceof NotFoundError || e instanceof UnauthenticatedError) &&
          n < 2,
      },
    },
  });
}

/** The providers around the app: Mantine, notifications, TanStack Query, i18next and the API. */
export function Providers(p: {
  readonly api: Api;
  readonly i18n: I18n;
  readonly children: ReactNode;
  readonly client?: QueryClient;
}): ReactElement {
  const [client] = useState(() => p.client ?? makeQueryClient());
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" limit={3} />
      <QueryClientProvider client={client}>
        <I18nextProvider i18n={p.i18n}>
          <ApiProvider api={p.api}>{p.children}</ApiProvider>
        </I18nextProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

/** The whole application (with the query client and the requests {@link Boot} started). */
export function Root(p: {
  readonly api: Api;
  readonly i18n: I18n;
  readonly client?: QueryClient;
  readonly boot?: Boot;
}): ReactElement {
  return (
    <Providers api={p.api} i18n={p.i18n} {...(p.client ? { client: p.client } : {})}>
      <App {...(p.boot ? { boot: p.boot } : {})} />
    </Providers>
  );
}
