// Type-ahead for a list of options, as a native <select> has it (explore34-keyboard: "Selects do not react to typing"):
// the letters typed within a short pause make a prefix, and the first option whose label starts with it is chosen;
// one letter typed again and again steps through the options that start with it. Case and accents are ignored, so
// "e" finds "Écrit" and "é" finds "Email".

/** How long a pause ends the typed prefix (a native select's is about a second). */
export const TYPE_AHEAD_PAUSE_MS = 800;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * The index of the option the typed prefix finds, or -1 when none starts with it. `current` is the option chosen now
 * (-1 for none): the search starts after it for a single letter typed again (stepping through the options with that
 * letter), and at it for a longer prefix (so "Ph", then "Pho", stay on "Phone").
 */
export function typeAheadIndex(labels: readonly string[], typed: string, current: number): number {
  const prefix = fold(typed);
  if (!prefix || labels.length === 0) return -1;
  const first = prefix.slice(0, 1);
  const repeated = prefix === first.repeat(prefix.length);
  const wanted = repeated ? first : prefix;
  const start = repeated ? current + 1 : Math.max(current, 0);
  for (let step = 0; step < labels.length; step += 1) {
    const i = (start + step) % labels.length;
    if (fold(labels[i]!).startsWith(wanted)) return i;
  }
  // "Ph" then "Pho…" with no option left that starts with it: a repeated letter may still be a prefix ("Mme", "MM").
  if (repeated && prefix.length > 1) {
    for (let i = 0; i < labels.length; i += 1) if (fold(labels[i]!).startsWith(prefix)) return i;
  }
  return -1;
}

/** The typed prefix as letters arrive: a pause longer than `TYPE_AHEAD_PAUSE_MS` starts a new one. */
export class TypedPrefix {
  private typed = '';
  private last = -Infinity;

  /** The prefix after this letter, typed at `now` (ms). */
  add(letter: string, now: number): string {
    this.typed = now - this.last > TYPE_AHEAD_PAUSE_MS ? letter : this.typed + letter;
    this.last = now;
    return this.typed;
  }
}
