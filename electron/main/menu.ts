// The native menu. Items that are the app's own actions (new complaint, find a case, print, back up, About, settings)
// send a typed MenuCommand to the page (IPC_CHANNELS.menuCommand), which acts on it (renderer/src/app/MenuCommands.tsx);
// editing, zoom, full screen and quitting are Electron's roles. "Open data folder" is done here: the main process
// decides which folder (userData), never the page.
//
// macOS: the app-name menu holds About, Settings…, Services, Hide, Hide Others, Show All and Quit, and there is a
// Window menu. Windows and Linux: About is under Help, Settings and Exit under File.
import type { BrowserWindow, Menu, MenuItemConstructorOptions } from 'electron';
import { IPC_CHANNELS, type MenuCommand } from '#shared/ipc/channels';

export interface MenuDeps {
  platform: NodeJS.Platform;
  /** "Redress". */
  appName: string;
  /** Development run: adds Reload and the developer tools to the View menu. */
  isDev: boolean;
  send: (command: MenuCommand) => void;
  openDataFolder: () => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const mac = deps.platform === 'darwin';
  const command = (
    label: string,
    id: MenuCommand,
    accelerator?: string,
    extra: Partial<MenuItemConstructorOptions> = {},
  ) =>
    ({
      id,
      label,
      ...(accelerator ? { accelerator } : {}),
      click: () => deps.send(id),
      ...extra,
    }) satisfies MenuItemConstructorOptions;
  const about = command(`About ${deps.appName}`, 'about');
  const settings = command(mac ? 'Settings…' : 'Settings', 'settings', 'CmdOrCtrl+,');

  const appMenu: MenuItemConstructorOptions = {
    label: deps.appName,
    submenu: [
      about,
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: mac ? 'File' : '&File',
    submenu: [
      command('New complaint', 'new-complaint', 'CmdOrCtrl+N'),
      separator,
      command('Back up now', 'back-up', 'CmdOrCtrl+Shift+B'),
      { id: 'open-data-folder', label: 'Open data folder', click: () => deps.openDataFolder() },
      separator,
      command('Print…', 'print', 'CmdOrCtrl+P'),
      ...(mac ? [separator, { role: 'close' } as const] : [separator, settings, separator, { role: 'quit' } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: mac ? 'View' : '&View',
    submenu: [
      // The page binds Ctrl/Cmd+K itself (it works in text fields too): the menu shows the shortcut without taking it.
      command('Find a case…', 'search', 'CmdOrCtrl+K', { registerAccelerator: false }),
      // Ctrl/Cmd+F, the usual "find" key, does the same; hidden so the menu lists one shortcut.
      command('Find a case', 'search', 'CmdOrCtrl+F', {
        id: 'search-alternative',
        visible: false,
        acceleratorWorksWhenHidden: true,
      }),
      separator,
      ...(deps.isDev
        ? [
            { role: 'reload' } as const,
            { role: 'forceReload' } as const,
            { role: 'toggleDevTools' } as const,
            separator,
          ]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };
  const helpMenu: MenuItemConstructorOptions = { label: '&Help', role: 'help', submenu: [about] };
  return mac ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu] : [fileMenu, editMenu, viewMenu, helpMenu];
}

export function installMenu(
  deps: MenuDeps & { Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'> },
): void {
  deps.Menu.setApplicationMenu(deps.Menu.buildFromTemplate(menuTemplate(deps)));
}

/** The slice of BrowserWindow a menu command needs. */
export type CommandWindow = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'> & {
  webContents: Pick<BrowserWindow['webContents'], 'send' | 'isLoading' | 'once'>;
};

/**
 * Deliver a menu command to the app's window: brought forward (opened first if there is none, as on macOS after the
 * last window closed), and only once its page has loaded, so the command is not lost on a window that is starting.
 */
export function createMenuSender(openWindow: () => CommandWindow): (command: MenuCommand) => void {
  return (command) => {
    const window = openWindow();
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    const send = () => {
      if (!window.isDestroyed()) window.webContents.send(IPC_CHANNELS.menuCommand, command);
    };
    if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
    else send();
  };
}

/** "Open data folder": the app's own folder (userData: the database, the window's size and place); nothing else. */
export function createOpenDataFolder(deps: {
  userDataPath: () => string;
  openPath: (path: string) => Promise<string>;
  log?: (message: string) => void;
}): () => void {
  const log = deps.log ?? ((message: string) => console.warn(message));
  return () => {
    const folder = deps.userDataPath();
    deps
      .openPath(folder)
      .then((problem) => {
        // shell.openPath resolves with an error message, or '' when it worked.
        if (problem) log(`Redress: could not open the data folder ${folder}: ${problem}`);
      })
      .catch((error: unknown) => log(`Redress: could not open the data folder ${folder}: ${String(error)}`));
  };
}
