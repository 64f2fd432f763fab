import type { ReactElement } from 'react';

/** Placeholder, replaced below. */
export function AdminPage(_p: { readonly tab: 'users' | 'sites' }): ReactElement {
  return <></>;
}
