// The main window opens where the user left it: its size, position and maximised state are saved to
// userData/window-state.json when it moves or is resized (debounced) and when it closes, and restored at start-up only
// where they still make sense: a position is used only if the whole window fits on one of the current displays' work
// areas (a monitor may have been unplugged since), otherwise only the size is kept (shrunk to the primary display)
// and the window is centred. A missing, unreadable or hand-edited file simply means the default size.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface RestoredWindowState {
  bounds: WindowBounds;
  isMaximized: boolean;
}

/** The slice of Electron's `screen` used (only after the app is ready). */
export interface ScreenLike {
  getAllDisplays(): { workArea: Rect }[];
  getPrimaryDisplay(): { workArea: Rect };
}

export const WINDOW_STATE_FILE = 'window-state.json';

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const savedStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: length,
  height: length,
  isMaximized: z.boolean().optional(),
});
export type SavedWindowState = z.infer<typeof savedStateSchema>;

export interface WindowSizeLimits {
  /** Used when nothing usable was saved. */
  defaultWidth: number;
  defaultHeight: number;
  minWidth: number;
  minHeight: number;
}

function inside(rect: Rect, area: Rect): boolean {
  return (
    rect.x >= area.x &&
    rect.y >= area.y &&
    rect.x + rect.width <= area.x + area.width &&
    rect.y + rect.height <= area.y + area.height
  );
}

/** Decide the window's first bounds from what was saved (anything: it comes from a file) and the current displays. */
export function restoreWindowState(saved: unknown, screen: ScreenLike, limits: WindowSizeLimits): RestoredWindowState {
  const fallback: RestoredWindowState = {
    bounds: { width: limits.defaultWidth, height: limits.defaultHeight },
    isMaximized: false,
  };
  const parsed = savedStateSchema.safeParse(saved);
  if (!parsed.success) return fallback;
  const state = parsed.data;
  const isMaximized = state.isMaximized ?? false;
  const width = Math.max(state.width, limits.minWidth);
  const height = Math.max(state.height, limits.minHeight);

  if (state.x !== undefined && state.y !== undefined) {
    const rect = { x: state.x, y: state.y, width, height };
    if (screen.getAllDisplays().some((display) => inside(rect, display.workArea))) return { bounds: rect, isMaximized };
  }
  // The place is gone (or was never saved): keep the size, as far as it fits on the primary display, and centre it.
  const area = screen.getPrimaryDisplay().workArea;
  return {
    bounds: {
      width: Math.max(limits.minWidth, Math.min(width, area.width)),
      height: Math.max(limits.minHeight, Math.min(height, area.height)),
    },
    isMaximized,
  };
}

/** The file's contents, or undefined when it is missing or not JSON (restoreWindowState then uses the defaults). */
export function readWindowState(
  file: string,
  read: (file: string) => string = (f) => readFileSync(f, 'utf8'),
): unknown {
  try {
    return JSON.parse(read(file));
  } catch {
    return undefined;
  }
}

/** Write the state so the file is always whole: a temporary file beside it, then a rename. */
export function writeWindowState(file: string, state: SavedWindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state)}\n`, 'utf8');
  renameSync(temp, file);
}

/** The slice of BrowserWindow the tracker uses. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close' | 'closed', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  isDestroyed(): boolean;
}

export interface TrackDeps {
  file: string;
  /** Quiet time after the last move or resize before the state is written; default 500 ms. */
  debounceMs?: number;
  write?: (file: string, state: SavedWindowState) => void;
  log?: (message: string) => void;
}

/** Save the window's state on move/resize (debounced) and at once on close. Returns a function that saves now. */
export function trackWindowState(window: TrackedWindow, deps: TrackDeps): () => void {
  const write = deps.write ?? writeWindowState;
  const log = deps.log ?? ((message: string) => console.warn(message));
  const debounceMs = deps.debounceMs ?? 500;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWritten = '';

  const saveNow = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    // A minimised or full-screen window still reports its normal bounds; those are what to restore.
    const { x, y, width, height } = window.getNormalBounds();
    const state: SavedWindowState = { x, y, width, height, isMaximized: window.isMaximized() };
    const text = JSON.stringify(state);
    if (text === lastWritten) return;
    try {
      write(deps.file, state);
      lastWritten = text;
    } catch (error) {
      // Losing the window's place is not worth an error dialog.
      log(`Redress: could not save the window's size and position: ${String(error)}`);
    }
  };
  const saveSoon = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(saveNow, debounceMs);
  };

  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, saveSoon);
  window.on('close', saveNow);
  window.on('closed', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  });
  return saveNow;
}
