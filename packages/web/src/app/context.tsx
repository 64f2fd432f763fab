import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import type { Api } from '../api/api.js';
import type { Meta, SessionUser } from '../api/types.js';

/** What every page may use: the API, the server's metadata and the user. */
export interface AppContextValue {
  readonly api: Api;
  readonly meta: Meta;
  readonly user: SessionUser;
  readonly logout: () => void;
}

const AppContext = createContext<AppContextValue | null>(null);
const ApiContext = createContext<Api | null>(null);

/** Provides the API client (also before login). */
export function ApiProvider(p: { readonly api: Api; readonly children: ReactNode }): ReactElement {
  return <ApiContext.Provider value={p.api}>{p.children}</ApiContext.Provider>;
}

/** Provides the logged-in context. */
export function AppProvider(p: {
  readonly value: AppContextValue;
  readonly children: ReactNode;
}): ReactElement {
  return <AppContext.Provider value={p.value}>{p.children}</AppContext.Provider>;
}

/** The API client. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

/** The logged-in context (user, meta, api). */
export function useApp(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error('useApp outside AppProvider');
  return v;
}
