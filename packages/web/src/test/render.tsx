import type { Role } from '@cmr-mass/core';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Api } from '../api/api.js';
import type { Meta, SessionUser } from '../api/types.js';
import { AppProvider } from '../app/context.js';
import { makeQueryClient, Providers } from '../app/Root.js';
import { createI18n, type UiLang } from '../i18n/index.js';

/** The metadata the tests' server reports. */
export const TEST_META: Meta = {
  demo: true,
  version: '0.1.0-test',
  languages: ['en', 'zh'],
  today: '2026-03-15',
};

/** A user of each role (site staff at site S1). */
export function testUser(role: Role): SessionUser {
  const site =
    role === 'coordinator' || role === 'investigator' ? '00000000-0000-4000-8000-0000000000s1' : null;
  return {
    id: `user-${role}`,
    email: `${role}@example.org`,
    displayName: `Test ${role}`,
    role,
    siteId: site,
  };
}

/** Renders a page inside every provider, logged in as `role`. */
export function renderPage(
  ui: ReactElement,
  opts: { readonly api: Api; readonly role?: Role; readonly lang?: UiLang }
): RenderResult {
  const i18n = createI18n(opts.lang ?? 'en');
  const client = makeQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: 0 } });
  return render(
    <Providers api={opts.api} i18n={i18n} client={client}>
      <AppProvider
        value={{
          api: opts.api,
          meta: TEST_META,
          user: testUser(opts.role ?? 'coordinator'),
          logout: () => undefined,
        }}
      >
        {ui}
      </AppProvider>
    </Providers>
  );
}
