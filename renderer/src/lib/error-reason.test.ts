import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { errorReason } from './error-reason';

describe('errorReason', () => {
  it('gives the message without its closing full stop', () => {
    expect(errorReason(new Error('The disk is full.'))).toBe('The disk is full');
    expect(errorReason(new Error('  Three dots...  '))).toBe('Three dots');
  });

  it("gives a Dexie error's inner error, whose message Dexie repeats after its own", () => {
    const inner = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    const wrapped = new Dexie.OpenFailedError(inner.message, inner);
    expect(wrapped.message).toContain('\n');
    expect(errorReason(wrapped)).toBe('Internal error opening backing store for indexedDB.open');
  });

  it('says what was thrown when it is not an error', () => {
    expect(errorReason('gone')).toBe('gone');
    expect(errorReason(undefined)).toBe('undefined');
  });
});
