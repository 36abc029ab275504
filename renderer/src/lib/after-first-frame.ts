/**
 * Run `task` once, just after the next frame is drawn, so it does not delay that frame; a window that draws no frame
 * (hidden, minimised, behind another: the browser pauses its animation frames) runs it after `latestMs` instead, so
 * work such as deleting what a move of the database left is not put off until the window is next shown.
 */
export function afterFirstFrame(task: () => void, latestMs = 5000): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    task();
  };
  const fallback = setTimeout(run, latestMs);
  requestAnimationFrame(() => setTimeout(run, 0));
}
