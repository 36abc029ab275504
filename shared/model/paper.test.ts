import { describe, expect, it } from 'vitest';
import { deskPaperSize, paperSizeFor, paperSizeForRegions } from './paper';
import type { DeskSettings } from './case';
import type { Provider } from './provider';

const provider = (id: string, region: Provider['region']) => ({ id, region }) as Provider;
const desk = (...providers: Provider[]) => ({ providers, calendar: 'england-and-wales' }) as unknown as DeskSettings;

describe('the paper of a region', () => {
  it('is A4 in the UK and US Letter in Canada', () => {
    expect(paperSizeFor('UK')).toBe('A4');
    expect(paperSizeFor('CA')).toBe('LETTER');
  });

  it('for several regions is the one they share, else A4 (a mixed desk, or no providers)', () => {
    expect(paperSizeForRegions(['CA', 'CA'])).toBe('LETTER');
    expect(paperSizeForRegions(['UK'])).toBe('A4');
    expect(paperSizeForRegions(['CA', 'UK'])).toBe('A4');
    expect(paperSizeForRegions([])).toBe('A4');
  });

  it('of a desk is its providers’, retired ones included (their cases are in its reports)', () => {
    expect(deskPaperSize(desk(provider('jive', 'CA')))).toBe('LETTER');
    expect(deskPaperSize(desk(provider('jive', 'CA'), { ...provider('old', 'UK'), retiredOn: '2026-01-01' }))).toBe(
      'A4',
    );
    expect(deskPaperSize(desk(provider('nw', 'UK')))).toBe('A4');
  });
});
