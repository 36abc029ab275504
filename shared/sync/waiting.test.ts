import { describe, expect, it } from 'vitest';
import { anyWaiting, changesWaiting } from './waiting';

describe('changesWaiting', () => {
  it('counts a case once, whatever was done to it', () => {
    // A complaint logged offline, a note and the customer's details changed: one case, however many documents.
    const refs = ['case:c1', 'entry:e1', 'counter:LDS-2026', 'entry:e2', 'entry:e3', 'letter:l1', 'attachment:f1'];
    expect(changesWaiting(refs)).toEqual({ cases: 1, other: 0 });
  });

  it('counts each case, and each person, provider or procedure changed, apart', () => {
    const refs = ['case:c1', 'case:c2', 'entry:e1', 'person:p1', 'provider:northwind', 'procedure:northwind@2'];
    expect(changesWaiting(refs)).toEqual({ cases: 2, other: 3 });
  });

  it('counts a document named twice once', () => {
    expect(changesWaiting(['case:c1', 'case:c1', 'person:p1', 'person:p1'])).toEqual({ cases: 1, other: 1 });
  });

  it('never says nothing waits when only records that go with a change do', () => {
    const alone = changesWaiting(['audit:a1', 'counter:LDS-2026']);
    expect(alone).toEqual({ cases: 0, other: 2 });
    expect(anyWaiting(alone)).toBe(true);
  });

  it('leaves out ids that are not documents of ours', () => {
    const none = changesWaiting(['_design/redress', '_local/abc', 'unknown:x', 'case:']);
    expect(none).toEqual({ cases: 0, other: 0 });
    expect(anyWaiting(none)).toBe(false);
  });
});
