import { describe, expect, it } from 'vitest';
import { queryAfterKey, type TypedKey } from './typed-ahead';

const press = (key: string, mods: Partial<TypedKey> = {}): TypedKey => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isComposing: false,
  altGraph: false,
  ...mods,
});
const typed = (keys: TypedKey[]) => keys.reduce((q, k) => queryAfterKey(q, k) ?? q, '');
const each = (text: string) => text.split('').map((c) => press(c));

describe('queryAfterKey: keys typed before the search box has the focus', () => {
  it('adds printed characters in order, spaces, digits, accents and an emoji included', () => {
    expect(typed(each('turing'))).toBe('turing');
    expect(typed(each('0113 496'))).toBe('0113 496');
    expect(typed([...each('Hélène '), press('😀')])).toBe('Hélène 😀');
  });

  it('takes Backspace off the last character, and does nothing on an empty query', () => {
    expect(queryAfterKey('tur', press('Backspace'))).toBe('tu');
    expect(queryAfterKey('', press('Backspace'))).toBe('');
  });

  it('lets shortcuts, named keys and composing go by untouched', () => {
    expect(queryAfterKey('a', press('k', { ctrlKey: true }))).toBeNull();
    expect(queryAfterKey('a', press('v', { metaKey: true }))).toBeNull();
    expect(queryAfterKey('a', press('f', { altKey: true }))).toBeNull();
    for (const key of ['Enter', 'Escape', 'Tab', 'ArrowDown', 'Shift', 'F5'])
      expect(queryAfterKey('a', press(key))).toBeNull();
    expect(queryAfterKey('a', press('é', { isComposing: true }))).toBeNull();
  });

  it('types what AltGr gives (Ctrl+Alt on Windows), as on a French keyboard', () => {
    expect(queryAfterKey('jean', press('@', { ctrlKey: true, altKey: true, altGraph: true }))).toBe('jean@');
  });
});
