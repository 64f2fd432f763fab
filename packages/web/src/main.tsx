import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { createRoot } from 'react-dom/client';
import { Api } from './api/api.js';
import { boot } from './app/boot.js';
import { makeQueryClient, Root } from './app/Root.js';
import { createI18n } from './i18n/index.js';

const api = new Api();
const client = makeQueryClient();
// The first screen's requests leave before React renders (no waterfall).
const started = boot(api, client, window.location.hash);
const el = document.getElementById('root');
if (el) createRoot(el).render(<Root api={api} i18n={createI18n()} client={client} boot={started} />);
