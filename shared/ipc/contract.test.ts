import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fitFileName,
  fitNotification,
  fitSafeText,
  NOTIFY_LIMITS,
  notifyRequestSchema,
  saveFileRequestSchema,
  SUGGESTED_NAME_MAX,
} from './contract';

describe('fitNotification', () => {
  it('makes any title and body acceptable to the shell, keeping the id and the case', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 2600 }),
        fc.string({ unit: 'binary', maxLength: 400 }),
        (body, title) => {
          const fitted = fitNotification({ id: 'digest:2026-11-21', title, body, caseId: 'case-1' });
          expect(notifyRequestSchema.safeParse(fitted).success).toBe(true);
          expect(fitted.id).toBe('digest:2026-11-21');
          expect(fitted.caseId).toBe('case-1');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('removes NUL and vertical tab from a name and keeps line breaks', () => {
    const fitted = fitNotification({
      id: 'x',
      title: 'Good morning',
      body: 'RDR-2026-000001 Ada\u0000 Love\u000blace: due today\nRDR-2026-000002 Bo\tB',
    });
    expect(fitted.body).toBe('RDR-2026-000001 Ada Lovelace: due today\nRDR-2026-000002 Bo\tB');
  });

  it('cuts a long body at the limit with an ellipsis, never in the middle of an emoji', () => {
    const body = `${'a'.repeat(NOTIFY_LIMITS.body - 2)}😀😀😀`;
    const fitted = fitNotification({ id: 'x', title: 't', body });
    expect(fitted.body.length).toBeLessThanOrEqual(NOTIFY_LIMITS.body);
    expect(fitted.body.endsWith('…')).toBe(true);
    expect(fitted.body).toBe(`${'a'.repeat(NOTIFY_LIMITS.body - 2)}…`);
    expect(notifyRequestSchema.safeParse(fitted).success).toBe(true);
  });

  it('leaves text that already fits as it is', () => {
    fc.assert(
      fc.property(
        fc
          .string({ maxLength: 300 })
          .filter((s) => notifyRequestSchema.shape.body.safeParse(s).success && !/[\ud800-\udfff]/.test(s)),
        (s) => {
          expect(fitSafeText(s, NOTIFY_LIMITS.body)).toBe(s);
        },
      ),
    );
  });

  it('gives an empty title a name', () => {
    expect(fitNotification({ id: 'x', title: '\u0000\u0001', body: '' }).title).toBe('Redress reminder');
  });
});

describe('the name suggested for a saved file', () => {
  it('keeps a name that fits, and cuts a long one before its extension, so the file can still be saved', () => {
    expect(fitFileName('RDR-2026-000001-acknowledgement.pdf')).toBe('RDR-2026-000001-acknowledgement.pdf');
    const long = `Complaint letter from Mrs Renée Lefèvre ${'about the early termination fee '.repeat(6)}.txt`;
    const fitted = fitFileName(long);
    expect(fitted).toHaveLength(SUGGESTED_NAME_MAX);
    expect(fitted.endsWith('….txt')).toBe(true);
    expect(fitted.startsWith('Complaint letter from Mrs Renée Lefèvre')).toBe(true);
    expect(
      saveFileRequestSchema.safeParse({ suggestedName: fitted, mimeType: 'text/plain', data: new Uint8Array() })
        .success,
    ).toBe(true);
    // No extension to keep: the name is cut at its end.
    expect(fitFileName('x'.repeat(300))).toBe(`${'x'.repeat(SUGGESTED_NAME_MAX - 1)}…`);
    // Control characters go.
    expect(fitFileName('a\u0007b.pdf')).toBe('ab.pdf');
  });
});
