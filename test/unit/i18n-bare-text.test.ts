// No words bypass the catalogue (issue #17): every .tsx of the renderer is parsed (oxc-parser) and any JSX text with
// letters, any string with letters given to a prop people read or hear (label, title, placeholder, aria-label,
// description, alt…), and any such string in an object's title/message/label (notifications, modals) fails. Every
// screen is converted: there is no list of exceptions (the last ones went in i17a).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'renderer', 'src');

/** Props whose words a person reads or hears. */
const WORD_PROPS =
  /^(label|title|placeholder|aria-label|aria-description|aria-valuetext|description|alt|error|message|confirm|cancel|children|nothingFoundMessage|previousLabel|nextLabel)$/;
const LETTERS = /\p{L}/u;

type Node = { type: string; start: number; [key: string]: unknown };

/** The bare words in one .tsx source: "line: text" for each. */
export function findBareText(source: string, fileName = 'file.tsx'): string[] {
  const { program, errors } = parseSync(fileName, source);
  if (errors.length) throw new Error(`${fileName}: ${errors[0].message}`);
  const found: string[] = [];
  const line = (at: number) => source.slice(0, at).split('\n').length;
  const report = (node: Node, text: string) => found.push(`${line(node.start)}: ${text.trim().slice(0, 80)}`);
  const wordsOf = (node: Node | null | undefined): string | null => {
    if (!node) return null;
    if (node.type === 'Literal' && typeof node.value === 'string') return LETTERS.test(node.value) ? node.value : null;
    if (node.type === 'TemplateLiteral') {
      const text = (node.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join('…');
      return LETTERS.test(text) ? text : null;
    }
    if (node.type === 'ConditionalExpression')
      return wordsOf(node.consequent as Node) ?? wordsOf(node.alternate as Node);
    if (node.type === 'LogicalExpression') return wordsOf(node.right as Node);
    if (node.type === 'JSXExpressionContainer') return wordsOf(node.expression as Node);
    return null;
  };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === 'JSXText' && LETTERS.test(String(n.value))) report(n, String(n.value));
    if (n.type === 'JSXExpressionContainer' && !(n as { inAttribute?: boolean }).inAttribute) {
      const words = wordsOf(n.expression as Node);
      if (words) report(n, words);
    }
    if (n.type === 'JSXAttribute') {
      const name = (n.name as { name: unknown }).name;
      if (typeof name === 'string' && WORD_PROPS.test(name)) {
        const words = wordsOf(n.value as Node);
        if (words) report(n, `${name}=${words}`);
      }
      // The attribute's value was judged above (only props people read count): do not look at it again as a child.
      const value = n.value as Node | null;
      if (value?.type === 'JSXExpressionContainer') (value as { inAttribute?: boolean }).inAttribute = true;
    }
    if (n.type === 'Property' || n.type === 'ObjectProperty') {
      const key = n.key as Node & { name?: string; value?: string };
      const keyName = key.name ?? key.value;
      if (typeof keyName === 'string' && WORD_PROPS.test(keyName)) {
        const words = wordsOf(n.value as Node);
        if (words) report(n, `${keyName}: ${words}`);
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'type' && typeof v === 'object') visit(v);
  };
  visit(program);
  return found;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

describe('words in components go through the catalogue', () => {
  it('finds bare JSX text, words in props people read, and in notification titles and messages', () => {
    const found = findBareText(`
      const a = <Button title="Save it" aria-label={'Close'}>Save {'now'} {n}</Button>;
      notifications.show({ title: \`Saved \${x}\`, message: ok ? 'Done' : t('x') });
      const b = <Text c="dimmed" size="sm" data-x="word">{t('k')} · {count} — 42</Text>;
    `);
    expect(found).toEqual([
      '2: title=Save it',
      '2: aria-label=Close',
      '2: Save',
      '2: now',
      '3: title: Saved …',
      '3: message: Done',
    ]);
  });

  it('holds no bare words in any component', () => {
    const files = tsxFiles(SRC).map((f) => relative(ROOT, f).split('\\').join('/'));
    expect(files.length).toBeGreaterThan(50);
    const bare = files.flatMap((file) =>
      findBareText(readFileSync(join(ROOT, file), 'utf8'), file).map((f) => `${file}:${f}`),
    );
    expect(bare).toEqual([]);
  });
});
