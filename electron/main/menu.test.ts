import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, MENU_COMMANDS } from '#shared/ipc/channels';
import { type CommandWindow, createMenuSender, createOpenDataFolder, installMenu, menuTemplate } from './menu';

function build(platform: NodeJS.Platform, isDev = false) {
  const send = vi.fn();
  const openDataFolder = vi.fn();
  const template = menuTemplate({ platform, appName: 'Redress', isDev, send, openDataFolder });
  const items = (menu: MenuItemConstructorOptions) => (menu.submenu ?? []) as MenuItemConstructorOptions[];
  const all = template.flatMap((menu) => [menu, ...items(menu)]);
  const menu = (label: string) => template.find((m) => (m.label ?? '').replace('&', '') === label);
  const item = (label: string) => all.find((i) => i.label === label);
  const click = (label: string) => (item(label)!.click as () => void)();
  const roles = (label: string) => items(menu(label)!).map((i) => i.role ?? i.label ?? i.type);
  return { template, send, openDataFolder, menu, item, click, roles, all };
}

describe.each(['win32', 'linux', 'darwin'] as const)('the menu on %s', (platform) => {
  it('New complaint (Ctrl/Cmd+N), Back up now (Ctrl/Cmd+Shift+B), Print (Ctrl/Cmd+P) send their commands', () => {
    const { item, click, send } = build(platform);
    expect(item('New complaint')).toMatchObject({ accelerator: 'CmdOrCtrl+N' });
    expect(item('Back up now')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+B' });
    expect(item('Print…')).toMatchObject({ accelerator: 'CmdOrCtrl+P' });
    click('New complaint');
    click('Back up now');
    click('Print…');
    expect(send.mock.calls).toEqual([['new-complaint'], ['back-up'], ['print']]);
  });

  it('Open data folder is done by the main process, not sent to the page', () => {
    const { click, openDataFolder, send } = build(platform);
    click('Open data folder');
    expect(openDataFolder).toHaveBeenCalledOnce();
    expect(send).not.toHaveBeenCalled();
  });

  it('Find a case shows Ctrl/Cmd+K (left to the page) and also answers Ctrl/Cmd+F', () => {
    const { all, send } = build(platform);
    const find = all.filter((i) => i.id === 'search' || i.id === 'search-alternative');
    expect(find.map((i) => [i.accelerator, i.visible ?? true, i.registerAccelerator ?? true])).toEqual([
      ['CmdOrCtrl+K', true, false],
      ['CmdOrCtrl+F', false, true],
    ]);
    for (const i of find) (i.click as () => void)();
    expect(send.mock.calls).toEqual([['search'], ['search']]);
  });

  it('Edit has the editing roles; View has zoom and full screen, and Reload only while developing', () => {
    const { roles } = build(platform);
    expect(roles('Edit')).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    expect(roles('View')).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(roles('View')).not.toEqual(expect.arrayContaining(['reload']));
    expect(roles('View')).not.toContain('toggleDevTools');
    expect(build(platform, true).roles('View')).toEqual(
      expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']),
    );
  });

  it('every command the page understands is on the menu, and every command item sends a known command', () => {
    const { all, send } = build(platform);
    for (const i of all) if (i.click && i.id !== 'open-data-folder') (i.click as () => void)();
    const sent = new Set(send.mock.calls.map(([command]) => command));
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('no two visible items share a shortcut', () => {
    const { all } = build(platform, true);
    const shortcuts = all.filter((i) => i.accelerator && i.visible !== false).map((i) => i.accelerator);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });
});

describe('platform conventions', () => {
  it('macOS: an app-name menu with About, Settings…, Services, Hide, Hide Others, Show All and Quit; a Window menu', () => {
    const { template, roles, click, send } = build('darwin');
    expect(template.map((m) => m.label ?? m.role)).toEqual(['Redress', 'File', 'Edit', 'View', 'windowMenu']);
    expect(roles('Redress')).toEqual([
      'About Redress',
      'separator',
      'Settings…',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(roles('File')).toContain('close');
    expect(roles('File')).not.toContain('quit');
    click('About Redress');
    expect(send).toHaveBeenCalledWith('about');
  });

  it('Windows: File ends with Settings and Exit (the quit role), About is under Help, with access keys', () => {
    const { template, roles, item } = build('win32');
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(roles('File').slice(-3)).toEqual(['Settings', 'separator', 'quit']);
    expect(roles('Help')).toEqual(['About Redress']);
    expect(item('Settings')).toMatchObject({ accelerator: 'CmdOrCtrl+,' });
  });
});

describe('installMenu', () => {
  it('builds the template and sets it as the application menu', () => {
    const built = { built: true };
    const Menu = { buildFromTemplate: vi.fn(() => built), setApplicationMenu: vi.fn() };
    installMenu({
      Menu: Menu as never,
      platform: 'win32',
      appName: 'Redress',
      isDev: false,
      send: vi.fn(),
      openDataFolder: vi.fn(),
    });
    expect(Menu.buildFromTemplate).toHaveBeenCalledOnce();
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(built);
  });
});

describe('createMenuSender', () => {
  function fakeWindow({ loading = false, minimized = false, destroyed = false } = {}) {
    const calls: string[] = [];
    let finishLoad: (() => void) | undefined;
    const window: CommandWindow = {
      isDestroyed: () => destroyed,
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
      webContents: {
        send: (channel: string, ...args: unknown[]) => calls.push(`send ${channel} ${args.join(',')}`),
        isLoading: () => loading,
        once: ((event: string, listener: () => void) => {
          if (event === 'did-finish-load') finishLoad = listener;
        }) as never,
      },
    };
    return { window, calls, finishLoad: () => finishLoad?.() };
  }

  it('brings the window forward and sends the command on the menu channel', () => {
    const { window, calls } = fakeWindow({ minimized: true });
    createMenuSender(() => window)('about');
    expect(calls).toEqual(['restore', 'show', 'focus', `send ${IPC_CHANNELS.menuCommand} about`]);
  });

  it('waits for a window that is still loading', () => {
    const { window, calls, finishLoad } = fakeWindow({ loading: true });
    createMenuSender(() => window)('new-complaint');
    expect(calls).toEqual(['show', 'focus']);
    finishLoad();
    expect(calls).toContain(`send ${IPC_CHANNELS.menuCommand} new-complaint`);
  });

  it('does nothing with a destroyed window', () => {
    const { window, calls } = fakeWindow({ destroyed: true });
    createMenuSender(() => window)('print');
    expect(calls).toEqual([]);
  });
});

describe('createOpenDataFolder', () => {
  it('opens the userData folder the main process names, and logs a failure without throwing', async () => {
    const openPath = vi.fn(async () => '');
    const log = vi.fn();
    createOpenDataFolder({ userDataPath: () => '/home/desk/.config/Redress', openPath, log })();
    expect(openPath).toHaveBeenCalledWith('/home/desk/.config/Redress');
    const failing = vi.fn(async () => 'No application is associated');
    createOpenDataFolder({
      userDataPath: () => 'C:\\Users\\desk\\AppData\\Roaming\\Redress',
      openPath: failing,
      log,
    })();
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('No application is associated')));
    const rejecting = vi.fn(async () => Promise.reject(new Error('gone')));
    createOpenDataFolder({ userDataPath: () => '/x', openPath: rejecting, log })();
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('gone')));
  });
});
