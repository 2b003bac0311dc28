import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './app/theme';
import './styles/global.css';
import { App } from './app/App';
import { ProfileGate } from './features/profiles/ProfileGate';
import { preloadEditorForStartRoute } from './app/editorWarmup';

preloadEditorForStartRoute();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ProfileGate>
      <App />
    </ProfileGate>
  </StrictMode>,
);
