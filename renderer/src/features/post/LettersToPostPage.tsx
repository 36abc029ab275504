// "Letters to post today": every letter due today or overdue for customers who wrote by post (or asked for post),
// made into one print file with a progress bar; once it is saved, each letter is locked on its case's timeline as printed for post.
import { failureIn, sayingIn, schemeCheckIn, unprintableIn, useLocale, useT } from '#lib/i18n/index';
import { Alert, Anchor, Box, Button, Checkbox, Group, List, Loader, Stack, Table, Text, Textarea } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useLocation } from 'wouter';
import { useToday } from '#lib/today';
import { formatDate } from '#lib/format';
import { useSettings } from '#db/hooks';
import { db } from '#db/schema';
import { platform } from '#platform';
import { useWorkingPerson } from '#features/people';
import { letLetterRendererGo, warmLetterRenderer } from './render-pool';
import { storedDoubleSided, storeDoubleSided } from './print-sides';
import {
  defaultProgress,
  dueLetterKey,
  type DueLetter,
  type LetterMessage,
  letterMessageIn,
  lettersToPost,
  makePrintFile,
  postKindKey,
  recordPrintRun,
  groupSchemeChecks,
  schemeFactsOf,
} from './batch';
import { ScreenTitle } from '#ui/ScreenTitle';
import type { SchemeFactsToCheck } from '#shared/letters/index';
import { languageOfLocale } from '#shared/model/dates';

export function LettersToPostPage() {
  const t = useT();
  const today = useToday();
  const settings = useSettings();
  const by = useWorkingPerson();
  // The page itself re-renders only when a batch starts and ends; its progress is drawn by <BatchProgress> alone.
  const [working, setWorking] = useState<ProgressStore | null>(null);
  const busy = working !== null;
  // While the print file is made the list is not re-read after every letter recorded (it would be 200 reads).
  const live = useLiveQuery(
    () => (busy || !settings ? null : lettersToPost(db(), today, settings)),
    [today, busy, settings],
  );
  const [snapshot, setSnapshot] = useState<DueLetter[] | undefined>(undefined);
  const letters = busy ? snapshot : (live ?? (live === null ? snapshot : undefined));
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [progressText, setProgressText] = useState('');
  const [doubleSided, setDoubleSided] = useState(storedDoubleSided);
  const [result, setResult] = useState<BatchResult | null>(null);

  // A letter that cannot be printed is listed with the reason, never chosen.
  const printable = useMemo(() => (letters ?? []).filter((l) => !l.cannotPrint), [letters]);
  const chosen = useMemo(() => printable.filter((l) => !unticked.has(dueLetterKey(l))), [printable, unticked]);
  const hasAdr = (letters ?? []).some((l) => l.kind === 'adr-letter');
  const { locale } = useLocale();

  // The scheme facts the chosen letters would print unverified (CISAS's postal address): said before printing. Read
  // once for the letters listed; ticking letters in and out only groups them again.
  const [facts, setFacts] = useState<ReadonlyMap<string, SchemeFactsToCheck>>(() => new Map());
  const checkBy = by || settings?.handlerName || '';
  useEffect(() => {
    if (!settings || busy || printable.length === 0) {
      setFacts((prev) => (prev.size === 0 ? prev : new Map()));
      return;
    }
    let current = true;
    schemeFactsOf(db(), printable, { settings, today, by: checkBy }).then(
      (found) => current && setFacts(found),
      () => current && setFacts(new Map()),
    );
    return () => {
      current = false;
    };
  }, [printable, settings, today, checkBy, busy]);
  const checks = useMemo(() => groupSchemeChecks(chosen, facts), [chosen, facts]);

  // Stable callbacks: the table is only drawn again when the letters or the ticks change, never for progress.
  const toggle = useCallback(
    (k: string) =>
      setUnticked((prev) => {
        const next = new Set(prev);
        if (next.has(k)) next.delete(k);
        else next.add(k);
        return next;
      }),
    [],
  );
  const toggleAll = useCallback(
    (all: readonly DueLetter[]) =>
      setUnticked((prev) => (prev.size === 0 ? new Set(all.map(dueLetterKey)) : new Set())),
    [],
  );

  // Start the letter-rendering workers while the desk reads the list, so the first letter does not wait for pdfmake.
  const hasLetters = (letters?.length ?? 0) > 0;
  useEffect(() => {
    if (hasLetters) void warmLetterRenderer();
  }, [hasLetters]);
  // Leaving the screen lets them go soon after, not five minutes later (each holds pdfmake and its fonts).
  useEffect(() => letLetterRendererGo, []);

  async function make() {
    if (!settings || chosen.length === 0) return;
    setResult(null);
    setSnapshot(letters);
    const progress = new ProgressStore(chosen.length);
    setWorking(progress);
    try {
      // Phase one: the print file, with nothing recorded.
      const run = await makePrintFile(db(), chosen, {
        settings,
        today,
        by: by || settings.handlerName,
        progress: progressText,
        doubleSided,
        onProgress: progress.report,
      });
      const outcome: BatchResult = { made: [], pages: run.pages, errors: [...run.errors], noCopy: run.noCopy };
      if (run.bytes) {
        const saved = await platform().saveFile({
          // Named in the interface language: the desk's own file.
          suggestedName: t('post.fileName', { date: today }),
          mimeType: 'application/pdf',
          data: run.bytes,
        });
        if (saved.ok && saved.saved) {
          // Phase two, only now the print file is handed over: its letters recorded as printed for post in it.
          const recorded = await recordPrintRun(db(), run, {
            today,
            by: by || settings.handlerName,
            printFileName: saved.fileName,
          });
          outcome.made = recorded.recorded;
          outcome.fileName = saved.fileName;
          outcome.errors.push(...recorded.notRecorded);
          const order = new Map(chosen.map((l, i) => [dueLetterKey(l), i]));
          outcome.errors.sort((a, b) => order.get(dueLetterKey(a.letter))! - order.get(dueLetterKey(b.letter))!);
        } else {
          outcome.notSaved = t('post.notSavedText', {
            reason: saved.ok ? t('post.notSaved') : failureIn(t, saved),
            n: run.made.length,
          });
        }
      }
      // Letters to a representative whose copy is missing are only news if they were recorded.
      const recordedKeys = new Set(outcome.made.map(dueLetterKey));
      outcome.noCopy = run.noCopy.filter((n) => recordedKeys.has(dueLetterKey(n.letter)));
      setResult(outcome);
      setUnticked((prev) => (prev.size === 0 ? prev : new Set()));
    } finally {
      progress.cancel();
      setWorking(null);
    }
  }

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <ScreenTitle>{t('post.title')}</ScreenTitle>
        <Text size="sm" c="dimmed">
          {t('post.intro')}
        </Text>
      </div>
      {letters === undefined || settings === undefined ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : (
        <>
          {letters.length === 0 ? (
            <Text c="dimmed" data-ready="letters-to-post">
              {t('post.none')}
            </Text>
          ) : (
            // While a print file is made the ticks cannot change: the fieldset disables every box at once, without
            // drawing the 200 rows again (that alone held the page for a fifth of a second).
            <fieldset
              disabled={busy}
              style={{ border: 0, padding: 0, margin: 0, minWidth: 0, opacity: busy ? 0.7 : 1 }}
            >
              <LettersTable letters={letters} unticked={unticked} onToggle={toggle} onToggleAll={toggleAll} />
            </fieldset>
          )}
          {hasAdr && (
            <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <ProgressSentence value={progressText} onChange={setProgressText} />
            </fieldset>
          )}
          {printable.length > 0 && (
            <Checkbox
              label={t('post.doubleSided')}
              description={t('post.doubleSidedHint')}
              checked={doubleSided}
              disabled={busy}
              onChange={(e) => {
                setDoubleSided(e.currentTarget.checked);
                storeDoubleSided(e.currentTarget.checked);
              }}
            />
          )}
          {!busy &&
            checks.map((c) => (
              // A note before "Make print file": the letters print the scheme's facts as the directory has them.
              <Alert
                key={`${c.check.schemeId}:${c.check.facts.join(',')}`}
                color="yellow"
                title={t('schemeCheck.title')}
                role="note"
                data-notice="scheme-check"
              >
                {schemeCheckIn(t, locale, c.check, c.references)}
              </Alert>
            ))}
          {printable.length > 0 && (
            <Group>
              <Button onClick={() => void make()} disabled={busy || chosen.length === 0 || !settings}>
                {t('post.make')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('post.chosen', { chosen: chosen.length, n: printable.length })}
                {printable.length < letters.length
                  ? ` ${t('post.cannotCount', { n: letters.length - printable.length })}`
                  : ''}
              </Text>
            </Group>
          )}
          {working && <BatchProgress store={working} />}
          {result && (
            <Stack gap="xs">
              {result.made.length > 0 && (
                <Alert color="teal" title={t('post.made')} role="status">
                  {t('post.madeText', { n: result.made.length, pages: result.pages, file: result.fileName ?? '' })}
                </Alert>
              )}
              {result.notSaved && (
                <Alert color="orange" title={t('post.notSavedTitle')} role="alert">
                  {result.notSaved}
                </Alert>
              )}
              {result.noCopy.length > 0 && (
                <Alert color="yellow" title={t('post.noCopy')}>
                  <LetterMessages items={result.noCopy} />
                </Alert>
              )}
              {result.errors.length > 0 && (
                <Alert color="red" title={t('post.notMade')} role="alert">
                  <LetterMessages items={result.errors} />
                </Alert>
              )}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

/** What a batch came to: the letters recorded as printed for post in the saved print file, and the rest. */
interface BatchResult {
  made: DueLetter[];
  pages: number;
  fileName?: string;
  /** Why nothing was recorded: the print file was not saved. */
  notSaved?: string;
  errors: LetterMessage[];
  noCopy: LetterMessage[];
}

/**
 * The ADR letters' progress sentence. Memoised: an autosized textarea measures itself (a forced layout of the whole
 * page) every time it is drawn, and the page is drawn when a batch starts and ends.
 */
const ProgressSentence = memo(function ProgressSentence({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Textarea
      label={t('post.progress')}
      description={t('post.progressHint')}
      placeholder={defaultProgress(locale)}
      autosize
      minRows={2}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
});

/** The list of due letters, with a tick box each. Memoised: drawing 200 rows for every progress step froze the page. */
const LettersTable = memo(function LettersTable({
  letters,
  unticked,
  onToggle,
  onToggleAll,
}: {
  letters: readonly DueLetter[];
  unticked: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onToggleAll: (letters: readonly DueLetter[]) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [, navigate] = useLocation();
  const printable = letters.filter((l) => !l.cannotPrint);
  const chosen = printable.filter((l) => !unticked.has(dueLetterKey(l))).length;
  return (
    // A narrow window scrolls the table in its own box, not the page (WCAG 1.4.10).
    <Table.ScrollContainer minWidth={560} type="native">
      <Table aria-label={t('post.table')} verticalSpacing="xs" data-ready="letters-to-post">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('post.chooseAll')}
                checked={chosen > 0 && chosen === printable.length}
                indeterminate={chosen > 0 && chosen < printable.length}
                disabled={printable.length === 0}
                onChange={() => onToggleAll(printable)}
              />
            </Table.Th>
            <Table.Th>{t('post.col.reference')}</Table.Th>
            <Table.Th>{t('post.col.customer')}</Table.Th>
            <Table.Th>{t('post.col.letter')}</Table.Th>
            <Table.Th>{t('post.col.why')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {letters.map((l) => {
            const k = dueLetterKey(l);
            return (
              <Table.Tr key={k}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('post.choose', { letter: t(postKindKey(l)), reference: l.reference })}
                    checked={!l.cannotPrint && !unticked.has(k)}
                    disabled={!!l.cannotPrint}
                    onChange={() => onToggle(k)}
                  />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor
                    href={`#/cases/${l.caseId}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/cases/${l.caseId}`);
                    }}
                  >
                    {l.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {l.customerName}
                  {l.representativeName && (
                    <Text size="xs" c="dimmed" data-representative>
                      {t('post.toRepresentative', { name: l.representativeName })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(postKindKey(l))}</Table.Td>
                <Table.Td>
                  {l.why.kind === 'unacknowledged'
                    ? t('post.why.unacknowledged', { date: formatDate(l.why.receivedOn) })
                    : l.why.overdue
                      ? t('post.why.adrOverdue', { date: formatDate(l.why.dueOn) })
                      : t('post.why.adrToday')}
                  {l.cannotPrint && (
                    <Text size="sm" c="red" data-cannot-print>
                      {t('post.cannotPrint', {
                        reason: l.refusal
                          ? sayingIn(t, 'letterRefusal', l.refusal)
                          : l.unprintable && languageOfLocale(locale) !== 'en'
                            ? unprintableIn(t, locale, l.unprintable)
                            : l.cannotPrint,
                      })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
});

/**
 * The batch's progress, outside React state: a batch reports every letter, and only <BatchProgress> listens, at most
 * every STEP_MS (the bar glides between steps on the compositor, so the page is not repainted for each letter).
 */
const STEP_MS = 100;

class ProgressStore {
  private snapshot: { done: number; total: number };
  private latest: { done: number; total: number };
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(total: number) {
    this.snapshot = this.latest = { done: 0, total };
  }

  readonly report = (done: number, total: number) => {
    this.latest = { done, total };
    // The last letter is drawn at once: the print file can be joined and handed over within one step, and the bar
    // must not stop short of full while the page goes on to save it.
    if (done >= total) {
      this.cancel();
      this.publish();
      return;
    }
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.publish();
    }, STEP_MS);
  };

  private publish() {
    this.snapshot = this.latest;
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = () => this.snapshot;

  cancel() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

function BatchProgress({ store }: { store: ProgressStore }) {
  const { done, total } = useSyncExternalStore(store.subscribe, store.get);
  const t = useT();
  const fraction = total ? done / total : 0;
  return (
    <Stack gap={4}>
      {/* Drawn with a transform, not a width: moving it needs no layout or repaint of the page. */}
      <Box
        role="progressbar"
        aria-label={t('post.making')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        h={8}
        bg="gray.2"
        style={{ borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden' }}
      >
        <Box
          h="100%"
          style={{
            background: 'var(--mantine-primary-color-filled)',
            transform: `scaleX(${fraction})`,
            transformOrigin: 'left',
            transition: `transform ${STEP_MS}ms linear`,
            willChange: 'transform',
          }}
        />
      </Box>
      <Text size="sm">{t('post.lettersMade', { done, total })}</Text>
    </Stack>
  );
}

/** One line per letter: its case reference, which letter, and what is to be said about it. */
function LetterMessages({ items }: { items: readonly LetterMessage[] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <List size="sm">
      {items.map((e) => (
        <List.Item key={dueLetterKey(e.letter)}>
          {e.letter.reference} ({t(postKindKey(e.letter))}): {letterMessageIn(t, locale, e)}
        </List.Item>
      ))}
    </List>
  );
}
