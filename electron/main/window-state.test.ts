import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  readWindowState,
  restoreWindowState,
  type ScreenLike,
  type TrackedWindow,
  trackWindowState,
  WINDOW_STATE_FILE,
  writeWindowState,
} from './window-state';

const limits = { defaultWidth: 1280, defaultHeight: 860, minWidth: 960, minHeight: 640 };

/** A laptop (1920×1080, taskbar at the bottom) with an external monitor to its right (2560×1440). */
const twoScreens: ScreenLike = {
  getAllDisplays: () => [
    { workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
    { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } },
  ],
  getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
};
/** The same laptop after the monitor was unplugged. */
const laptopOnly: ScreenLike = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
};
/** A small screen. */
const small: ScreenLike = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }],
  getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1366, height: 728 } }),
};

describe('restoreWindowState', () => {
  it('restores size, position and maximised state when the window fits on a current display', () => {
    const saved = { x: 2100, y: 80, width: 1600, height: 1000, isMaximized: true };
    expect(restoreWindowState(saved, twoScreens, limits)).toEqual({
      bounds: { x: 2100, y: 80, width: 1600, height: 1000 },
      isMaximized: true,
    });
  });

  it('drops the position when that display is gone, keeping the size and the maximised state', () => {
    const saved = { x: 2100, y: 80, width: 1600, height: 1000, isMaximized: true };
    expect(restoreWindowState(saved, laptopOnly, limits)).toEqual({
      bounds: { width: 1600, height: 1000 },
      isMaximized: true,
    });
  });

  it('drops a position that would put part of the window off every screen or across two screens', () => {
    expect(restoreWindowState({ x: 1500, y: 0, width: 1000, height: 700 }, twoScreens, limits).bounds).toEqual({
      width: 1000,
      height: 700,
    });
    expect(restoreWindowState({ x: -400, y: 10, width: 1000, height: 700 }, laptopOnly, limits).bounds).toEqual({
      width: 1000,
      height: 700,
    });
    expect(restoreWindowState({ x: 10, y: 900, width: 1000, height: 700 }, laptopOnly, limits).bounds).toEqual({
      width: 1000,
      height: 700,
    });
  });

  it('shrinks a size too large for the primary display, never below the minimum size', () => {
    expect(restoreWindowState({ x: 2000, y: 0, width: 2400, height: 1300 }, small, limits).bounds).toEqual({
      width: 1366,
      height: 728,
    });
    expect(restoreWindowState({ width: 300, height: 200 }, laptopOnly, limits).bounds).toEqual({
      width: 960,
      height: 640,
    });
  });

  it.each([
    ['nothing saved', undefined],
    ['not an object', 'big'],
    ['missing height', { x: 0, y: 0, width: 1000 }],
    ['non-numbers', { x: '0', y: 0, width: '1000', height: 800 }],
    ['fractions', { x: 0.5, y: 0, width: 1000.5, height: 800 }],
    ['absurd sizes', { x: 0, y: 0, width: 1e12, height: 800 }],
    ['NaN via null', { x: 0, y: 0, width: null, height: 800 }],
    ['negative size', { x: 0, y: 0, width: -1000, height: 800 }],
  ])('uses the default size for %s', (_label, saved) => {
    expect(restoreWindowState(saved, twoScreens, limits)).toEqual({
      bounds: { width: 1280, height: 860 },
      isMaximized: false,
    });
  });
});

describe('reading and writing the file', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'redress-window-state-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('round-trips, writing whole files only, and creates the folder if needed', async () => {
    const file = path.join(folder, 'nested', WINDOW_STATE_FILE);
    writeWindowState(file, { x: 10, y: 20, width: 1300, height: 900, isMaximized: false });
    expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1300, height: 900, isMaximized: false });
    expect(await readdir(path.dirname(file))).toEqual([WINDOW_STATE_FILE]);
  });

  it('reads a missing or corrupt file as nothing saved', async () => {
    expect(readWindowState(path.join(folder, 'missing.json'))).toBeUndefined();
    await writeFile(path.join(folder, 'bad.json'), '{"x": 1, "wid');
    expect(readWindowState(path.join(folder, 'bad.json'))).toBeUndefined();
  });
});

describe('trackWindowState', () => {
  function fakeWindow() {
    const listeners = new Map<string, (() => void)[]>();
    const state = { bounds: { x: 100, y: 50, width: 1280, height: 860 }, maximized: false, destroyed: false };
    const window: TrackedWindow = {
      on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
      getNormalBounds: () => ({ ...state.bounds }),
      isMaximized: () => state.maximized,
      isMinimized: () => false,
      isFullScreen: () => false,
      isDestroyed: () => state.destroyed,
    };
    const emit = (event: string) => listeners.get(event)?.forEach((listener) => listener());
    return { window, state, emit };
  }

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once after a burst of moves and resizes has settled', () => {
    const { window, state, emit } = fakeWindow();
    const write = vi.fn();
    trackWindowState(window, { file: '/state.json', write, debounceMs: 500 });
    for (let i = 0; i < 20; i += 1) {
      state.bounds = { x: 100 + i, y: 50, width: 1280 + i, height: 860 };
      emit(i % 2 ? 'move' : 'resize');
      vi.advanceTimersByTime(100);
    }
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(write).toHaveBeenCalledExactlyOnceWith('/state.json', {
      x: 119,
      y: 50,
      width: 1299,
      height: 860,
      isMaximized: false,
    });
  });

  it('saves at once on close, with the maximised state and the normal (restore) bounds', () => {
    const { window, state, emit } = fakeWindow();
    const write = vi.fn();
    trackWindowState(window, { file: '/state.json', write });
    state.maximized = true;
    emit('maximize');
    emit('close');
    expect(write).toHaveBeenCalledExactlyOnceWith('/state.json', {
      x: 100,
      y: 50,
      width: 1280,
      height: 860,
      isMaximized: true,
    });
    emit('closed');
    vi.advanceTimersByTime(5_000);
    expect(write).toHaveBeenCalledOnce();
  });

  it('does not write the same state twice, and survives a failing write', () => {
    const { window, emit } = fakeWindow();
    const log = vi.fn();
    const write = vi.fn().mockImplementationOnce(() => {
      throw new Error('EACCES');
    });
    trackWindowState(window, { file: '/state.json', write, log });
    emit('close');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('EACCES'));
    emit('close');
    emit('close');
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('writes a real file that restoreWindowState accepts', async () => {
    vi.useRealTimers();
    const folder = await mkdtemp(path.join(tmpdir(), 'redress-window-state-'));
    try {
      const file = path.join(folder, WINDOW_STATE_FILE);
      const { window, emit } = fakeWindow();
      trackWindowState(window, { file });
      emit('close');
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
        x: 100,
        y: 50,
        width: 1280,
        height: 860,
        isMaximized: false,
      });
      expect(restoreWindowState(readWindowState(file), laptopOnly, limits).bounds).toEqual({
        x: 100,
        y: 50,
        width: 1280,
        height: 860,
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
