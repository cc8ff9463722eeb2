import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { watchInstallPrompt } from './app/installPrompt.ts';
import { initI18n } from './i18n/index.ts';
import { readLanguageSync } from './store/settings.ts';
import { prewarmDocsOf } from './sync/prewarm.ts';
import './app/app.css';

watchInstallPrompt();
prewarmDocsOf(location.pathname);

void initI18n(readLanguageSync()).then(() => {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
