export { startHost, launchBrowser, openApp, ROOT, CHROMIUM_PATH, type RunningHost, type AppPage } from './app';
export { useHostAndBrowser, type HostAndBrowser } from './hooks';
