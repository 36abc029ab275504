import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { errorReason, isCodeLoadFailure } from './error-reason';

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

describe('isCodeLoadFailure', () => {
  it("knows the browsers' words for a piece of code that could not be loaded", () => {
    for (const message of [
      'Failed to fetch dynamically imported module: http://127.0.0.1:4173/assets/index-B3qrpX_c.js',
      'error loading dynamically imported module: app://redress/assets/reports.js',
      'Importing a module script failed.',
      'Unable to preload CSS for /assets/intake.css',
    ])
      expect(isCodeLoadFailure(new TypeError(message)), message).toBe(true);
  });

  it('is not a failed read, nor what is not an error', () => {
    expect(isCodeLoadFailure(new DOMException('The index could not be read.', 'UnknownError'))).toBe(false);
    expect(isCodeLoadFailure('Failed to fetch dynamically imported module')).toBe(false);
  });
});
