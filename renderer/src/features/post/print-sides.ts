// Whether this computer's printer prints the letters on both sides of the paper: remembered here (a property of the
// printer beside the desk, not of the desk's data), so the choice on Letters to post stays from one day to the next.

const KEY = 'redress.post.doubleSided';

/** The choice last made at this computer; one-sided when none was made (or storage is blocked). */
export function storedDoubleSided(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'yes';
  } catch {
    return false;
  }
}

/** Remember the choice (storage full or blocked: not remembered, and nothing breaks). */
export function storeDoubleSided(doubleSided: boolean): void {
  try {
    window.localStorage.setItem(KEY, doubleSided ? 'yes' : 'no');
  } catch {
    // Not remembered: the page starts one-sided next time.
  }
}
