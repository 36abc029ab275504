import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../../shared/ipc/contract';
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
  it('finds the data page button by its label', () => {
    const make = (text: string) => ({ textContent: ` ${text} `, disabled: false }) as unknown as HTMLButtonElement;
    const target = make('Make a backup now');
    const root = { querySelectorAll: vi.fn(() => [make('Restore'), target, make('Back up into the folder now')]) };
    expect(findBackupButton(root as unknown as ParentNode)).toBe(target);
    expect(findBackupButton({ querySelectorAll: () => [make('Other')] } as unknown as ParentNode)).toBeNull();
  });
});
