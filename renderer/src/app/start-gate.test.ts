import { describe, expect, it, vi } from 'vitest';
import { startGate } from './start-gate';

describe('startGate', () => {
  it('stays closed until sharing has started, then opens and tells its listeners', async () => {
    let started!: () => void;
    const gate = startGate(new Promise<void>((resolve) => (started = resolve)));
    const listener = vi.fn();
    gate.subscribe(listener);
    await Promise.resolve();
    expect(gate.open()).toBe(false);
    expect(listener).not.toHaveBeenCalled();
    started();
    await Promise.resolve();
    expect(gate.open()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('opens when starting failed too (the failure is told by sharing’s status), and forgets a listener that left', async () => {
    let failed!: (error: Error) => void;
    const gate = startGate(new Promise<void>((_, reject) => (failed = reject)));
    const listener = vi.fn();
    const leave = gate.subscribe(listener);
    leave();
    failed(new Error('no membership'));
    await Promise.resolve();
    await Promise.resolve();
    expect(gate.open()).toBe(true);
    expect(listener).not.toHaveBeenCalled();
  });

  it('is open before the first draw when sharing had already started', async () => {
    const gate = startGate(Promise.resolve());
    await Promise.resolve();
    expect(gate.open()).toBe(true);
  });
});
