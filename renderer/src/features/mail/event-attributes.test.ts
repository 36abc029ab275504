import { describe, expect, it } from 'vitest';
import { withoutEventHandlers } from './event-attributes';

describe('withoutEventHandlers', () => {
  it('takes every on… attribute out of start tags, whatever its quoting or case', () => {
    expect(withoutEventHandlers('<img src="https://t.example/p.gif" onerror="alert(1)" width=1>')).toBe(
      '<img src="https://t.example/p.gif" width=1>',
    );
    expect(withoutEventHandlers('<p OnClick=\'go()\' class=a>x</p><a onmouseover=steal href="#">y</a>')).toBe(
      '<p class=a>x</p><a href="#">y</a>',
    );
    expect(withoutEventHandlers('<body onload="x()"><svg/onload=alert(1)>')).toBe('<body><svg/onload=alert(1)>');
  });

  it('reads a quoted value holding > as part of the tag', () => {
    expect(withoutEventHandlers('<img alt="a > b" onerror="alert(1)">')).toBe('<img alt="a > b">');
  });

  it('leaves text, comments and other attributes alone', () => {
    const text = '<p title="onerror=1">Call on=Monday; only=this</p><!-- onclick="x" -->';
    expect(withoutEventHandlers(text)).toBe(text);
    expect(withoutEventHandlers('<p data-on="1" class="onward">on and on</p>')).toBe(
      '<p data-on="1" class="onward">on and on</p>',
    );
  });
});
