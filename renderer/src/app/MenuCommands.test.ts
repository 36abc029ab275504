import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '#shared/ipc/contract';
import { findBackupButton, handleMenuCommand, type MenuActions } from './MenuCommands';

function actions(): MenuActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    navigate: (to) => calls.push(`navigate ${to}`),
    openPalette: () => calls.push('palette'),
    print: () => calls.push('print'),
    openAbout: () => calls.push('about'),
    startBackup: () => calls.push('backup'),
  };
}

describe('handleMenuCommand', () => {
  it.each([
    ['new-complaint', ['navigate /new']],
    ['search', ['palette']],
    ['print', ['print']],
    ['back-up', ['navigate /data', 'backup']],
    ['about', ['about']],
    ['settings', ['navigate /settings']],
  ] as const)('%s → %j', (command, expected) => {
    const a = actions();
    handleMenuCommand(command, a);
    expect(a.calls).toEqual(expected);
  });

  it('handles every command the menu can send', () => {
    for (const command of MENU_COMMANDS) {
      const a = actions();
      handleMenuCommand(command, a);
      expect(a.calls.length, command).toBeGreaterThan(0);
    }
  });
});

describe('findBackupButton', () => {
  it('finds the data page button by its data-action', () => {
    const target = { textContent: 'Make a backup now', disabled: false } as unknown as HTMLButtonElement;
    const querySelector = vi.fn((selector: string) =>
      selector === 'button[data-action="backup-now"]' ? target : null,
    );
    expect(findBackupButton({ querySelector } as unknown as ParentNode)).toBe(target);
    expect(querySelector).toHaveBeenCalledWith('button[data-action="backup-now"]');
    expect(findBackupButton({ querySelector: () => null } as unknown as ParentNode)).toBeNull();
  });
});
