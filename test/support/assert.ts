// Assertions that narrow a result, so the checks after them always run (a test has no assert that may never run).
import { expect } from 'vitest';

/** Fails the test unless `r.ok` is true (the diff shows what came back instead); narrows `r` to its success case. */
export function assertOk<R extends { ok: boolean }>(r: R, message?: string): asserts r is Extract<R, { ok: true }> {
  expect(r, message).toMatchObject({ ok: true });
}

/** Fails the test unless `r.ok` is false; narrows `r` to its failure case. */
export function assertNotOk<R extends { ok: boolean }>(r: R, message?: string): asserts r is Extract<R, { ok: false }> {
  expect(r, message).toMatchObject({ ok: false });
}
