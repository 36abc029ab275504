// A build-time change to pdfmake 0.3's browser build (issue #19): its text measuring looks every style property up
// once per WORD. TextInlines.measure resolves some twenty properties (font, bold, fontSize, color, lineHeight…) for
// each word of a paragraph, and each lookup pushes the word's styles onto the style stack, walks the stack from the
// top (a Set and a closure allocated per named style) and pops them again: a third of pdfmake's layout of a letter,
// and most of the garbage its workers make. The words of one measure() call share the stack, and a word's value for
// a property it does not set itself depends only on the stack and the word's own `style` names, so this resolves
// each property once per `style` within a call and hands every other word the same answer. A property a word sets
// itself is still the word's, and the rare word that would push nothing (a `section`) still takes pdfmake's own path.
// The laid-out document is the same, so are the bytes.
//
// The change is to text as it stands in pdfmake 0.3.11; when the text is not exactly as expected (another version of
// pdfmake), nothing is changed and the build says so: pdfmake then works as shipped, only slower.
import type { Plugin } from 'vite';

const MEASURE_START = `  measure(array, styleContextStack) {
    if (array.length) {
      let leadingIndent = src_StyleContextStack.getStyleProperty(array[0], styleContextStack, 'leadingIndent', 0);`;

/** Where measure() ends: the next method of TextInlines. */
const MEASURE_END = `
  /**
   * Width of text`;

const LOOKUP = 'src_StyleContextStack.getStyleProperty(';

const RESOLVED_ONCE = `  measure(array, styleContextStack) {
    // [Redress, renderer/pdfmake-style-lookups.ts] each style property resolved once per style in this call.
    const resolvedByStyle = new Map();
    const styleProperty = (item, property, defaultValue) => {
      const own = item[property];
      if (isValue(own)) {
        return own;
      }
      if (!styleContextStack || typeof item.section !== 'undefined') {
        return src_StyleContextStack.getStyleProperty(item, styleContextStack, property, defaultValue);
      }
      let resolved = resolvedByStyle.get(item.style);
      if (resolved === undefined) {
        resolved = Object.create(null);
        resolvedByStyle.set(item.style, resolved);
      }
      let value = resolved[property];
      if (value === undefined && !(property in resolved)) {
        value = src_StyleContextStack.getStyleProperty(item, styleContextStack, property, undefined);
        resolved[property] = value;
      }
      return isValue(value) ? value : defaultValue;
    };
    if (array.length) {
      let leadingIndent = styleProperty(array[0], 'leadingIndent', 0);`;

/** pdfmake's browser build with measure()'s lookups resolved once per style, or null when it is not as expected. */
export function resolveStylesOncePerCall(code: string): string | null {
  const start = code.indexOf(MEASURE_START);
  if (start < 0 || code.indexOf(MEASURE_START, start + 1) >= 0) return null;
  const end = code.indexOf(MEASURE_END, start);
  if (end < 0) return null;
  const body = code.slice(start + MEASURE_START.length, end);
  // Every lookup in the body is a word's (item), on the call's stack; anything else means another pdfmake.
  const lookups = body.split(LOOKUP).length - 1;
  const words = body.split(`${LOOKUP}item, styleContextStack, `).length - 1;
  if (lookups < 20 || lookups !== words) return null;
  if (!/\nfunction isValue\(/.test(code.slice(0, start))) return null;
  const patched = RESOLVED_ONCE + body.split(`${LOOKUP}item, styleContextStack, `).join('styleProperty(item, ');
  return code.slice(0, start) + patched + code.slice(end);
}

const PDFMAKE_BUILD = /[\\/]node_modules[\\/]pdfmake[\\/]build[\\/]pdfmake\.js$/;

/** The Vite plugin: applies the change to pdfmake/build/pdfmake.js (in the page's bundle and the workers'). */
export function pdfmakeStyleLookups(): Plugin {
  return {
    name: 'redress-pdfmake-style-lookups',
    transform(code, id) {
      if (!PDFMAKE_BUILD.test(id.split('?')[0]!)) return null;
      const patched = resolveStylesOncePerCall(code);
      if (patched === null) {
        this.warn('pdfmake is not the version this change was written for: its style lookups are left as shipped.');
        return null;
      }
      return { code: patched, map: null };
    },
  };
}
