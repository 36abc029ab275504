// The command palette (Ctrl/Cmd+K): jump to a case by reference or name, or go to a screen.
import '@mantine/spotlight/styles.css';
import { Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { createSpotlight, Spotlight, type SpotlightStore, useSpotlight } from '@mantine/spotlight';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useLocation } from 'wouter';
import { caseIndexStore, useCaseIndexSnapshot } from '#db/case-index/store';
import { db, type CaseIndexRow } from '#db/schema';
import { formatDate } from '#lib/format';
import classes from './palette.module.css';
import { type MessageKey, nameIn, useT } from '#lib/i18n/index';
import { matchCommands, PALETTE_COMMANDS, searchCases } from './search';
import { queryAfterKey, typedKeyOf } from './typed-ahead';

const LIMIT = 8;

export const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const paletteShortcutLabel = () => (isMac() ? '⌘K' : 'Ctrl K');

const [paletteStore, palette] = createSpotlight();

// What is typed after the palette is asked for and before its search box has the focus (./typed-ahead.ts): caught
// on the window, before the field the focus is still in, and given to the query the box opens with.
let typedAhead = '';
let showTypedAhead: ((query: string) => void) | null = null;
function catchTypedAhead(e: KeyboardEvent) {
  const next = queryAfterKey(typedAhead, typedKeyOf(e));
  if (next === null) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  typedAhead = next;
  showTypedAhead?.(next);
}
const stopCatching = () => window.removeEventListener('keydown', catchTypedAhead, true);

/** Open the palette (e.g. from a button). */
export const openPalette = () => {
  if (!paletteStore.getState().opened) {
    typedAhead = '';
    window.addEventListener('keydown', catchTypedAhead, true);
  }
  palette.open();
};

/**
 * Ctrl/Cmd+K, heard from the app's first draw and from anywhere, a text field included. The palette itself mounts
 * only once the first screen is drawn (app/App.tsx); a press before that opens it as it mounts, as the menu's Search
 * does, instead of going to the browser (whose Ctrl+K is its own search box).
 */
export function PaletteShortcut(): null {
  useHotkeys([['mod+K', openPalette]], []);
  return null;
}

/**
 * Keep the first result selected as the results change, so Enter always opens the best match. (Spotlight selects
 * the first action when the query changes, but the case results arrive a moment later.)
 */
function selectFirst(store: SpotlightStore) {
  const list = store.getState().listId ? document.getElementById(store.getState().listId) : null;
  if (!list) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  const first = list.querySelector('[data-action]');
  first?.setAttribute('data-selected', 'true');
  store.updateState((state) => ({ ...state, selected: first ? 0 : -1 }));
}

function CaseResults({ query, go }: { query: string; go: (href: string) => void }) {
  const snapshot = useCaseIndexSnapshot();
  const t = useT();
  // Not deferred: Enter must open what is on screen for what was typed (the search takes a few ms at 100,000 cases).
  const q = query.trim();
  // Until every case is in memory, a reference typed from its start is still found at once through the index.
  const byReference = useLiveQuery(
    () =>
      q && !snapshot.complete
        ? db().caseIndex.where('reference').startsWithIgnoreCase(q).limit(LIMIT).toArray()
        : Promise.resolve([] as CaseIndexRow[]),
    [q, snapshot.complete],
  );
  const hits = useMemo(() => {
    if (!q) return [];
    const found = searchCases(snapshot.rows, q, LIMIT).map((h) => h.row);
    const seen = new Set(found.map((r) => r.caseId));
    for (const r of byReference ?? []) if (!seen.has(r.caseId) && found.length < LIMIT) found.push(r);
    return found;
  }, [q, snapshot.rows, byReference]);
  // Found by the words of the interface language, and by the English ones too.
  const translated = useMemo(
    () =>
      PALETTE_COMMANDS.map((c) => {
        const key = `palette.command.${c.id}` as MessageKey;
        return {
          ...c,
          label: t(key),
          description: t(`${key}.description` as MessageKey),
          keywords: [...c.keywords, c.label, ...t(`${key}.keywords` as MessageKey).split(' ')],
        };
      }),
    [t],
  );
  const commands = matchCommands(q, translated);
  const shownKey = [...hits.map((r) => r.caseId), ...commands.map((c) => c.id)].join(' ');
  useLayoutEffect(() => selectFirst(paletteStore), [shownKey]);

  return (
    <>
      {hits.length > 0 && (
        <Spotlight.ActionsGroup label={t('palette.cases')}>
          {hits.map((r) => (
            <Spotlight.Action
              key={r.caseId}
              onClick={() => go(`/cases/${r.caseId}`)}
              // Everything the row shows, in its order (WCAG 2.5.3): a closed case, or one through a representative, is
              // told apart by ear too.
              aria-label={[
                r.reference,
                nameIn(t, r.customerName),
                r.representativeName ? t('palette.via', { name: r.representativeName }) : '',
                t(r.status === 'closed' ? 'palette.closedReceived' : 'palette.received', {
                  date: formatDate(r.receivedOn),
                }),
              ]
                .filter(Boolean)
                .join(' ')}
            >
              <Group wrap="nowrap" justify="space-between" w="100%" gap="sm">
                <Group wrap="nowrap" gap="sm" miw={0}>
                  <Text ff="monospace" size="sm" fw={600} c="teal.8">
                    {r.reference}
                  </Text>
                  {/* Wrapped, not cut off: with larger text spacing a long name stays whole (WCAG 1.4.12). */}
                  <Text size="sm" miw={0} style={{ overflowWrap: 'break-word' }}>
                    {nameIn(t, r.customerName)}
                    {r.representativeName ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        {t('palette.via', { name: r.representativeName })}
                      </Text>
                    ) : null}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t(r.status === 'closed' ? 'palette.closedReceived' : 'palette.received', {
                    date: formatDate(r.receivedOn),
                  })}
                </Text>
              </Group>
            </Spotlight.Action>
          ))}
        </Spotlight.ActionsGroup>
      )}
      {commands.length > 0 && (
        <Spotlight.ActionsGroup label={t('palette.goTo')}>
          {commands.map((c) => (
            <Spotlight.Action
              key={c.id}
              label={c.label}
              description={c.description}
              leftSection={<IconArrowRight size={16} stroke={1.5} />}
              onClick={() => go(c.href)}
            />
          ))}
        </Spotlight.ActionsGroup>
      )}
      {hits.length === 0 && commands.length === 0 && (
        <Spotlight.Empty>
          {q && !snapshot.complete ? t('palette.reading') : t('palette.noMatch', { query: q })}
        </Spotlight.Empty>
      )}
    </>
  );
}

export function CommandPalette() {
  const [, navigate] = useLocation();
  const t = useT();
  const [query, setQuery] = useState('');
  // From the palette's store, so a palette asked for before it was mounted shows its results as it opens.
  const { opened } = useSpotlight(paletteStore);
  useEffect(() => {
    // Start reading every case into memory (shared with the case list), so names are found as you type.
    if (opened) void caseIndexStore().ready();
  }, [opened]);
  // It opens empty every time, before it is drawn: a query left from last time (one that found nothing, closed with
  // Esc, stayed) would have what is typed next added to it ("zzzzpriya"), and a reference retyped found nothing.
  // Empty but for what was typed since it was asked for.
  useLayoutEffect(() => {
    if (!opened) return stopCatching();
    setQuery(typedAhead);
    showTypedAhead = setQuery;
    return () => {
      showTypedAhead = null;
    };
  }, [opened]);
  return (
    <Spotlight.Root
      store={paletteStore}
      classNames={{ action: classes.action }}
      query={query}
      onQueryChange={setQuery}
      // Its shortcut is PaletteShortcut's, mounted with the app's first draw.
      shortcut={null}
      scrollable
      maxHeight={440}
    >
      <Spotlight.Search
        placeholder={t('palette.search')}
        aria-label={t('palette.searchLabel')}
        leftSection={<IconSearch size={18} stroke={1.5} />}
        onFocus={(e) => {
          // From here the box takes the keys itself, and goes on after what was typed ahead.
          stopCatching();
          const end = e.currentTarget.value.length;
          e.currentTarget.setSelectionRange(end, end);
        }}
      />
      <Spotlight.ActionsList>
        {opened && <CaseResults query={query} go={(href) => navigate(href)} />}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Text size="xs" c="dimmed">
          <FormattedMessage
            id="palette.keys"
            values={{
              up: <Kbd size="xs">↑</Kbd>,
              down: <Kbd size="xs">↓</Kbd>,
              // The keys' names as the person's keyboard prints them (Entrée, Échap on a French one).
              enter: <Kbd size="xs">{t('palette.keyEnter')}</Kbd>,
              esc: <Kbd size="xs">{t('palette.keyEsc')}</Kbd>,
            }}
          />
        </Text>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}

/** A header button that opens the palette and shows its shortcut. */
export function PaletteButton() {
  const t = useT();
  return (
    <UnstyledButton
      onClick={openPalette}
      px="sm"
      py={4}
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 'var(--mantine-radius-sm)',
        background: 'var(--mantine-color-white)',
      }}
    >
      {/* One line at any width: the header's other items give way first (the sharing status wraps). */}
      <Group gap={8} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
        <IconSearch size={14} stroke={1.6} color="var(--mantine-color-gray-6)" />
        <Text size="xs" c="dimmed">
          {t('palette.button')}
        </Text>
        <Kbd size="xs">{paletteShortcutLabel()}</Kbd>
      </Group>
    </UnstyledButton>
  );
}
