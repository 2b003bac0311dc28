export { startHost, launchBrowser, openApp, callHost, useProfile, E2E_PROFILE, ROOT, CHROMIUM_PATH, type RunningHost, type AppPage } from './app';
export { useHostAndBrowser, type HostAndBrowser } from './hooks';
