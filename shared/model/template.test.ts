import { expect, it } from 'vitest';
import { fillTemplate } from './template';

it('fills each {placeholder} by its name, leaving the words as they are', () => {
  const values: Record<string, string> = { a: '1', b: 'two' };
  expect(fillTemplate('{a} and {b}, {a} again; {missing}.', (name) => values[name] ?? '')).toBe(
    '1 and two, 1 again; .',
  );
});
