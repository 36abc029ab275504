// Where each key was first seen, for a backup's check (format.ts CrossCheck): a Map's interface in a fraction of its
// memory. A 100,000-case backup holds 772,025 timeline entries, each with its own id; a Map of those ids as strings
// holds some 100 MB in the worker while the file is checked (so the renderer, page and workers, passed 500 MB while a
// backup was made, checked or restored: docs/performance.md). Ids made by Redress are lower-case UUIDs
// (crypto.randomUUID): each is kept here as its 16 bytes in a typed-array hash table, exactly (no hash stands in for
// the key, so two different ids are never taken for one). Any other key (a hand-edited file may hold anything) goes
// to an ordinary Map beside it.

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) HEX[97 + i] = 10 + i;

/** The hex digits' places in a UUID's 36 characters, eight to a 32-bit word. */
const WORDS = [
  [0, 1, 2, 3, 4, 5, 6, 7],
  [9, 10, 11, 12, 14, 15, 16, 17],
  [19, 20, 21, 22, 24, 25, 26, 27],
  [28, 29, 30, 31, 32, 33, 34, 35],
] as const;

/** `key` as four 32-bit words into `out`, when it is a lower-case UUID (8-4-4-4-12 hex digits); false otherwise. */
function uuidWords(key: unknown, out: Uint32Array): boolean {
  if (typeof key !== 'string' || key.length !== 36) return false;
  if (key.charCodeAt(8) !== 45 || key.charCodeAt(13) !== 45 || key.charCodeAt(18) !== 45 || key.charCodeAt(23) !== 45)
    return false;
  for (let w = 0; w < 4; w++) {
    let word = 0;
    for (const at of WORDS[w]) {
      const code = key.charCodeAt(at);
      const digit = code < 128 ? HEX[code] : -1;
      if (digit < 0) return false;
      word = (word << 4) | digit;
    }
    out[w] = word >>> 0;
  }
  return true;
}

const INITIAL_SLOTS = 1024;

/** Keys and the position each was first seen at (a row's index in its table): a Map<unknown, number> for a check. */
export class KeyPositions {
  /** Four words a slot; a slot is free while its position is -1. */
  private words = new Uint32Array(INITIAL_SLOTS * 4);
  private positions = new Int32Array(INITIAL_SLOTS).fill(-1);
  private held = 0;
  private readonly others = new Map<unknown, number>();
  private readonly scratch = new Uint32Array(4);

  /** How many keys are held. */
  get size(): number {
    return this.held + this.others.size;
  }

  has(key: unknown): boolean {
    return this.get(key) !== undefined;
  }

  /** The position recorded for `key`, or undefined. */
  get(key: unknown): number | undefined {
    if (!uuidWords(key, this.scratch)) return this.others.get(key);
    const slot = this.find(this.scratch);
    const at = this.positions[slot];
    return at < 0 ? undefined : at;
  }

  /** Record `position` (a whole number from 0 to 2³¹ − 1) for `key`. */
  set(key: unknown, position: number): this {
    if (!Number.isInteger(position) || position < 0 || position > 0x7fffffff)
      throw new RangeError(`A key's position must be a whole number from 0 to 2^31 - 1, not ${position}`);
    if (!uuidWords(key, this.scratch)) {
      this.others.set(key, position);
      return this;
    }
    const slot = this.find(this.scratch);
    if (this.positions[slot] < 0) {
      this.held += 1;
      this.copyInto(slot, this.scratch, 0);
    }
    this.positions[slot] = position;
    // At most three quarters full, so a search ends soon at a free slot.
    if (this.held * 4 > this.positions.length * 3) this.grow();
    return this;
  }

  /** The slot holding these words, or the free slot where they would go (linear probing). */
  private find(key: Uint32Array): number {
    const { words, positions } = this;
    const mask = positions.length - 1;
    // The words of a random UUID are random; mixed all the same, so ids made some other (orderly) way spread too.
    let slot =
      (Math.imul(key[0] ^ Math.imul(key[1], 0x9e3779b1), 0x85ebca6b) ^ Math.imul(key[2] ^ key[3], 0xc2b2ae35)) & mask;
    for (;;) {
      if (positions[slot] < 0) return slot;
      const at = slot * 4;
      if (words[at] === key[0] && words[at + 1] === key[1] && words[at + 2] === key[2] && words[at + 3] === key[3])
        return slot;
      slot = (slot + 1) & mask;
    }
  }

  private copyInto(slot: number, from: Uint32Array, fromSlot: number): void {
    this.words.set(from.subarray(fromSlot * 4, fromSlot * 4 + 4), slot * 4);
  }

  private grow(): void {
    const oldWords = this.words;
    const oldPositions = this.positions;
    const slots = oldPositions.length * 2;
    this.words = new Uint32Array(slots * 4);
    this.positions = new Int32Array(slots).fill(-1);
    const key = new Uint32Array(4);
    for (let s = 0; s < oldPositions.length; s++) {
      if (oldPositions[s] < 0) continue;
      key.set(oldWords.subarray(s * 4, s * 4 + 4));
      const slot = this.find(key);
      this.copyInto(slot, oldWords, s);
      this.positions[slot] = oldPositions[s];
    }
  }
}
