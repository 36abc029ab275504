// Small zod pieces shared by the procedure, regime and holiday-file validators.
import { z } from 'zod';
import { InvalidDateError, toDayNumber } from './dates';
import { PROCEDURE_PROBLEMS_EN } from './procedure-problems';

/**
 * A real calendar date written YYYY-MM-DD; the message says what is wrong ("February 2026 has 28 days"), and the
 * issue's `params.fault` the same as data (./dates.ts DateFault), for the interface to say in its language.
 */
export const isoDateSchema = z.string().superRefine((value, ctx) => {
  try {
    toDayNumber(value);
  } catch (e) {
    ctx.addIssue({
      code: 'custom',
      message: e instanceof InvalidDateError ? e.words : (e as Error).message,
      params: { date: true, ...(e instanceof InvalidDateError ? { fault: e.fault } : {}) },
    });
  }
});

/** Stable ids: lower-case words joined by hyphens, e.g. `customer-resolution`. */
export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, PROCEDURE_PROBLEMS_EN.slug);

/** `stages[1].target.unit` from a zod path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function formatZodIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${formatPath(i.path)}: ${i.message}` : i.message))
    .join('; ');
}
