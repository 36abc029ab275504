// What the desktop's native menu does in the page (electron/main/menu.ts sends the commands). In web mode there is no
// native menu: the same things are reached through the navigation, the palette's Ctrl/Cmd+K, the browser's own
// Ctrl+P, the "About Redress" link and the "Make a backup now" button.
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import type { MenuCommand } from '#shared/ipc/contract';
import { openAbout } from '#features/about';
import { openPalette } from '#features/palette';
import { platform } from '#platform';

export interface MenuActions {
  navigate: (to: string) => void;
  openPalette: () => void;
  print: () => void;
  openAbout: () => void;
  /** Start the backup on the data page (after navigating there). */
  startBackup: () => void;
}

export function handleMenuCommand(command: MenuCommand, actions: MenuActions): void {
  switch (command) {
    case 'new-complaint':
      actions.navigate('/new');
      return;
    case 'search':
      actions.openPalette();
      return;
    case 'print':
      // The page as shown (a case, the dashboard, a list); letters print as PDFs from their own Print buttons.
      actions.print();
      return;
    case 'back-up':
      actions.navigate('/data');
      actions.startBackup();
      return;
    case 'about':
      actions.openAbout();
      return;
    case 'settings':
      actions.navigate('/settings');
      return;
  }
}

/** The data page's "Make a backup now" button (features/data/DataPage.tsx), by its data-action, not its label. */
export function findBackupButton(root: ParentNode): HTMLButtonElement | null {
  return root.querySelector<HTMLButtonElement>('button[data-action="backup-now"]');
}

/** Wait (up to `timeoutMs`) for the backup button to appear after navigating, then press it once. */
export function pressBackupWhenReady(root: ParentNode, timeoutMs = 3_000): void {
  const started = Date.now();
  const attempt = () => {
    const button = findBackupButton(root);
    if (button && !button.disabled) {
      button.focus();
      button.click();
      return;
    }
    if (Date.now() - started < timeoutMs) setTimeout(attempt, 50);
  };
  attempt();
}

export function MenuCommands() {
  const [, navigate] = useLocation();
  useEffect(
    () =>
      platform().onMenuCommand((command) =>
        handleMenuCommand(command, {
          navigate,
          openPalette,
          print: () => window.print(),
          openAbout,
          startBackup: () => pressBackupWhenReady(document),
        }),
      ),
    [navigate],
  );
  return null;
}
