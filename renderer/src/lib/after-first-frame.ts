/**
 * Run `task` once, just after the next frame is drawn (in a task of its own, so it does not delay that frame), and
 * return a function that cancels it (a screen's effect returns it, so an unmounted screen runs nothing). With
 * `latestMs`, a window that draws no frame (hidden, minimised, behind another: the browser pauses its animation
 * frames) runs it after that long instead; without it, the task waits for the frame.
 */
export function afterNextFrame(task: () => void, latestMs?: number): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    task();
  };
  const fallback = latestMs === undefined ? undefined : setTimeout(run, latestMs);
  const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}

/**
 * Run `task` once after the next frame, or after `latestMs` in a window that draws none, so work such as deleting what
 * a move of the database left is not put off until the window is next shown (main.tsx).
 */
export function afterFirstFrame(task: () => void, latestMs = 5000): void {
  afterNextFrame(task, latestMs);
}
