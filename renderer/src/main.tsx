// First: on an exercise's address, start fetching the editor before the rest of the app evaluates.
import './app/startRoutePreload';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './app/theme';
import './styles/global.css';
import { App } from './app/App';
import { ProfileGate } from './features/profiles/ProfileGate';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ProfileGate>
      <App />
    </ProfileGate>
  </StrictMode>,
);
