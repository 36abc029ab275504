// The live region (issue #17): every message the app shows about an action (saved, issued, failed) is also said by a
// screen reader, from two regions that are always in the page (a region added with its text is often not read):
// a polite one for what went well and an assertive one for what failed (the messages shown in red).
import { useNotifications } from '@mantine/notifications';
import { isValidElement, useEffect, useRef, useState, type ReactNode } from 'react';

/** The words of a message given as text or as a small tree of elements. */
export function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

export function LiveAnnouncer() {
  const { notifications } = useNotifications();
  const said = useRef(new Set<string>());
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');

  useEffect(() => {
    for (const n of notifications) {
      const id = n.id ?? '';
      if (said.current.has(id)) continue;
      said.current.add(id);
      const words = [textOf(n.title), textOf(n.message)].filter(Boolean).join('. ');
      if (n.color === 'red') setAssertive(words);
      else setPolite(words);
    }
  }, [notifications]);

  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="live-polite">
        {polite}
      </div>
      <div className="visually-hidden" role="alert" aria-live="assertive" data-testid="live-assertive">
        {assertive}
      </div>
    </>
  );
}
