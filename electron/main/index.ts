// The desktop shell's bootstrap: wires Electron's real APIs into the small, tested modules beside this file.
// Keep logic out of here; if something needs a branch, it belongs in a module with a test.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type SaveDialogOptions,
} from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import windowIcon from '#resources/icon.png?asset';
import { applyGuards, denyAllPermissions } from './guards';
import { createAutoBackupHandlers } from './handlers/backup';
import { createNotifyHandler } from './handlers/notify';
import { createPrintPdfHandler } from './handlers/print';
import { createSaveFileHandler } from './handlers/save-file';
import { createSaveStreamHandlers } from './handlers/save-stream';
import { createSharingShell } from './handlers/sharing';
import { registerIpcHandlers } from './ipc';
import { createMenuSender, createOpenDataFolder, installMenu } from './menu';
import { APP_ENTRY_URL, APP_SCHEME, trustedOrigins } from './origin';
import { createAppProtocolHandler, registerAppScheme } from './protocol';
import { createMainWindow, MAIN_WINDOW_SIZE } from './window';
import { readWindowState, restoreWindowState, trackWindowState, WINDOW_STATE_FILE } from './window-state';

/** Same as appId in build/electron-builder.yml: Windows ties notifications and the taskbar to it. */
const APP_USER_MODEL_ID = 'uk.co.redress.desk';

// The dev server is trusted only in an unpackaged (development) run.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const trusted = trustedOrigins(devServerUrl);
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): BrowserWindow {
  if (mainWindow && !mainWindow.isDestroyed()) return mainWindow;
  // Where the user left it, if that still fits on a screen (window-state.ts).
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const restored = restoreWindowState(readWindowState(stateFile), screen, MAIN_WINDOW_SIZE);
  const window = createMainWindow({
    BrowserWindow,
    preloadPath,
    iconPath: windowIcon,
    devTools: !app.isPackaged,
    bounds: restored.bounds,
    maximize: restored.isMaximized,
    url: devServerUrl ?? APP_ENTRY_URL,
  });
  trackWindowState(window, { file: stateFile });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  return window;
}

function focusMainWindow(): void {
  const window = openMainWindow();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

// Must happen before 'ready'.
registerAppScheme(protocol);
app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

if (!app.requestSingleInstanceLock()) {
  // Another Redress is running (and has been asked to come forward): two windows on one database invite trouble.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (app.isReady()) focusMainWindow();
  });

  app.on('web-contents-created', (_event, contents) => {
    applyGuards(contents, { trustedOrigins: trusted, openExternal: (url) => shell.openExternal(url) });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      // The team server the page may connect to (issue #14): the CSP of every app:// response is built from it, and
      // changing it reloads the window with the new policy.
      const sharing = createSharingShell({
        configFolder: () => app.getPath('userData'),
        reload: () => {
          if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.reload();
        },
      });
      protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: rendererRoot, csp: () => sharing.csp() }));
      denyAllPermissions(session.defaultSession);
      if (process.platform !== 'darwin') session.defaultSession.setSpellCheckerLanguages(['en-GB']);

      // The save dialog, on the main window; the folder it opens in first.
      const saveDialog = {
        showSaveDialog: (options: SaveDialogOptions) =>
          mainWindow && !mainWindow.isDestroyed()
            ? dialog.showSaveDialog(mainWindow, options)
            : dialog.showSaveDialog(options),
        defaultFolder: () => app.getPath('documents'),
      };
      registerIpcHandlers({
        ipcMain,
        trustedOrigins: trusted,
        saveFile: createSaveFileHandler(saveDialog),
        saveStream: createSaveStreamHandlers(saveDialog),
        notify: createNotifyHandler({ Notification, getWindow: () => mainWindow, iconPath: windowIcon }),
        printPdf: createPrintPdfHandler({ BrowserWindow, tempFolder: () => app.getPath('temp') }),
        autoBackup: createAutoBackupHandlers({
          showOpenDialog: (options) =>
            mainWindow && !mainWindow.isDestroyed()
              ? dialog.showOpenDialog(mainWindow, options)
              : dialog.showOpenDialog(options),
          configFolder: () => app.getPath('userData'),
          defaultFolder: () => app.getPath('documents'),
          safeStorage,
        }),
        sharing,
      });

      installMenu({
        Menu,
        platform: process.platform,
        appName: app.getName(),
        isDev: !app.isPackaged,
        send: createMenuSender(openMainWindow),
        openDataFolder: createOpenDataFolder({
          userDataPath: () => app.getPath('userData'),
          openPath: (folder) => shell.openPath(folder),
        }),
      });
      openMainWindow();
      // macOS: clicking the dock icon with no window open brings one back.
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('Redress could not start:', error);
      app.exit(1);
    });
}
