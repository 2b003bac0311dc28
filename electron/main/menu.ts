// The application menu: the standard roles, with zoom in the View menu for classroom projectors, and
// Help → About (the app's version and the Electron it ships, see version.ts). Labels in the system's language.
import type { MenuItemConstructorOptions } from 'electron';
import type { MainStrings } from './strings';

export function menuTemplate(platform: NodeJS.Platform, appName: string, strings: MainStrings): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: strings.view,
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', label: strings.help, submenu: [{ label: strings.about(appName), role: 'about' }] },
  ];
  if (platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}
