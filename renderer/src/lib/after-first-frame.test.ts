import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstFrame, afterNextFrame } from './after-first-frame';

// The browser's frames, drawn when a test calls them; timers faked.
let frames: FrameRequestCallback[];
beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.splice(id - 1, 1, () => {}));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterFirstFrame', () => {
  it('runs the task just after the next frame, once', () => {
    const task = vi.fn();
    afterFirstFrame(task, 2000);
    expect(task).not.toHaveBeenCalled();
    frames.shift()!(0);
    expect(task).not.toHaveBeenCalled(); // not inside the frame: after it
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs it after the latest time in a window that draws no frame (hidden), and not again when one comes', () => {
    const task = vi.fn();
    afterFirstFrame(task, 2000);
    vi.advanceTimersByTime(1999);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    frames.shift()!(0); // the window is shown at last
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
  });
});

describe('afterNextFrame', () => {
  it('without a latest time, waits for the frame however long it takes', () => {
    const task = vi.fn();
    afterNextFrame(task);
    vi.advanceTimersByTime(60_000);
    expect(task).not.toHaveBeenCalled();
    frames[0](0);
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('cancelled before the frame, or between the frame and its task, never runs', () => {
    const early = vi.fn();
    afterNextFrame(early, 2000)();
    frames[0](0);
    vi.advanceTimersByTime(5000);
    expect(early).not.toHaveBeenCalled();

    const late = vi.fn();
    const cancel = afterNextFrame(late);
    frames[1](0); // the frame is drawn; the task is due in a task of its own
    cancel();
    vi.advanceTimersByTime(0);
    expect(late).not.toHaveBeenCalled();
  });
});
