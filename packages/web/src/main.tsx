import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { createRoot } from 'react-dom/client';
import { Api } from './api/api.js';
import { Root } from './app/Root.js';
import { createI18n } from './i18n/index.js';

const el = document.getElementById('root');
if (el) createRoot(el).render(<Root api={new Api()} i18n={createI18n()} />);
