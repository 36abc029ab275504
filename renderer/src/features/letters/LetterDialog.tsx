// The letter dialog, the only place a letter is issued: choose a letter (or come with the one the stage calls for),
// fill the few inputs it needs (prefilled from what the case recorded), see its REAL pages (the PDF rendered once and
// drawn by pdf.js from those bytes), edit and preview again, then "Issue and download": the same bytes are saved where
// the user chooses and locked on the timeline. A second letter of a kind already issued is asked about first.
import { Alert, Anchor, Button, Checkbox, Group, Modal, Paper, Stack, Switch, Text, Textarea } from '@mantine/core';
import { Select } from '#ui/Select';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useFocusReturnAfterClose } from '#ui/focus-return';
import {
  errorIn,
  failureIn,
  sayingIn,
  schemeCheckIn,
  type Translate,
  unprintableIn,
  useLocale,
  useT,
} from '#lib/i18n/index';
import { DateField } from '#ui/DateField';
import { letterLanguagesForCase } from '#shared/model/provider';
import {
  addressedTo,
  LetterRefusalError,
  letterParagraphs,
  type LetterLanguage,
  type LetterParagraph,
  type SchemeFactsToCheck,
  UnprintableError,
} from '#shared/letters/index';
import type { LetterPdf } from '#letters/letter-pdf';
import { formatDate } from '#lib/format';
import {
  availableLetters,
  buildLetter,
  defaultInputs,
  defaultOptions,
  issueLetter,
  letterText,
  noTimeFrameIn,
  renderLetter,
  issueQuestion,
  type IssueQuestion,
  type LetterChoice,
  type LetterContext,
  type LetterInputs,
  type LetterMadeFrom,
  type LetterOptions,
} from './compose';
import { PdfPreview } from './PdfPreview';
import { issueQuestionIn } from './issue-question';

interface Preview {
  text: string;
  /** The rendered letter: drawn in the preview, and the very bytes issued. */
  bytes: Uint8Array;
  /** The customer's copy printed after the letter, or why it cannot be. */
  customerCopy: LetterPdf['customerCopy'];
  /** The scheme's facts the letter prints that the directory has not verified: the desk checks them before issuing. */
  toCheck?: SchemeFactsToCheck;
  /** The case's facts the letter was made from, kept with it when issued. */
  madeFrom: LetterMadeFrom;
}

/**
 * Why a letter could not be made, in the interface language (p8e): an address it cannot be sent to, characters the
 * letter font cannot print, a refusal of the records (say9); any other failure's own (technical) words inside the
 * catalogue's sentence (`errorIn`).
 */
function letterErrorIn(t: Translate, locale: string, error: unknown): string {
  if (error instanceof LetterRefusalError) return sayingIn(t, 'letterRefusal', error.said);
  if (error instanceof UnprintableError) return unprintableIn(t, locale, error.found, error.what);
  return errorIn(t, error);
}

export function LetterDialog({
  opened,
  onClose,
  context,
  initialChoice = null,
  returnFocusTo,
}: {
  opened: boolean;
  onClose: () => void;
  context: LetterContext | null;
  /** Where focus goes after the dialog closes when the control that opened it has gone (see #ui/focus-return). */
  returnFocusTo?: RefObject<HTMLElement | null>;
  /** The letter to open with, its pages drawn at once (the case page's header: the letter the stage calls for). */
  initialChoice?: LetterChoice | null;
}) {
  const t = useT();
  const { locale } = useLocale();
  const choices = useMemo(() => (context ? availableLetters(context.record, context.evaluation) : []), [context]);
  const [choice, setChoice] = useState<LetterChoice | null>(null);
  const [inputs, setInputs] = useState<LetterInputs | null>(null);
  const [options, setOptions] = useState<LetterOptions | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'issue' | null>(null);
  // "An acknowledgement was already issued on …. Issue another?", while it waits for an answer.
  const [question, setQuestion] = useState<IssueQuestion | null>(null);
  const asked = question ? issueQuestionIn(t, question, formatDate) : null;
  // The case changed since the preview was made (another desk's change arriving, another window): the letter would go
  // by what the case no longer says, so it is made again before it can be issued (explore37-team, question 2).
  const changedSincePreview =
    !!preview &&
    !!context &&
    (addressedTo(context.record) !== preview.madeFrom.address ||
      context.record.receivedOn !== preview.madeFrom.receivedOn);
  const focusAfterClose = useFocusReturnAfterClose(opened, returnFocusTo);
  const anotherButton = useRef<HTMLButtonElement>(null);
  // Brought into sight when the case changes under the preview: "Issue and download" is then disabled, and says why.
  const changedAlert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (changedSincePreview) changedAlert.current?.scrollIntoView({ block: 'nearest' });
  }, [changedSincePreview]);
  // "Edit text": the desk's words for the draft's catalogue paragraphs, by paragraph id (only those changed).
  const [editing, setEditing] = useState(false);
  const [edits, setEdits] = useState<Record<string, string>>({});

  // An acknowledgement that can only say "as soon as we can" (no reply date, no time frame promised): the desk is told.
  const noTimeFrame = useMemo(
    () => (choice === 'acknowledgement' && options && context ? noTimeFrameIn(context, options.language) : null),
    [choice, options, context],
  );

  // The draft's paragraphs as the catalogue writes them (the starting point of every edit), or why there are none yet.
  const draft = useMemo((): { paragraphs: LetterParagraph[] } | { error: string } | null => {
    if (!editing || !choice || !inputs || !options || !context) return null;
    try {
      return { paragraphs: letterParagraphs(buildLetter(choice, inputs, options, context)) };
    } catch (e) {
      return { error: letterErrorIn(t, locale, e) };
    }
  }, [editing, choice, inputs, options, context, t, locale]);

  // Fresh inputs each time the dialog opens; with a letter chosen for it, its pages are drawn at once.
  useEffect(() => {
    if (!opened || !context) return;
    const freshInputs = defaultInputs(context);
    const freshOptions = defaultOptions(context.record, context.settings);
    setChoice(initialChoice);
    setInputs(freshInputs);
    setOptions(freshOptions);
    setPreview(null);
    setError(null);
    setEditing(false);
    setEdits({});
    setQuestion(null);
    if (initialChoice) void makePreview(initialChoice, freshInputs, freshOptions, {}, { quietIfUnwritten: true });
    // Only on opening: later renders bring a new context object, and the desk's inputs must survive them.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  // The question takes the focus; answered "Do not issue" (or Escape), it goes back to "Issue and download" rather than
  // to the page (explore37-screens #2).
  const issueButton = useRef<HTMLButtonElement>(null);
  const wasAsked = useRef(false);
  useEffect(() => {
    if (question) anotherButton.current?.focus();
    else if (wasAsked.current) issueButton.current?.focus();
    wasAsked.current = question !== null;
  }, [question]);

  /** Render the letter once; the preview draws these bytes and "Issue and download" stores them. */
  async function makePreview(
    letter: LetterChoice,
    withInputs: LetterInputs,
    withOptions: LetterOptions,
    withEdits: Record<string, string>,
    /**
     * As the dialog opens: a letter that needs words the desk has not written yet (the ADR letter's progress so far)
     * is not a red "cannot be made" before anything could be typed (explore33-desk #9); Preview says it if still so.
     */
    { quietIfUnwritten = false }: { quietIfUnwritten?: boolean } = {},
  ) {
    if (!context) return;
    setBusy('preview');
    setError(null);
    try {
      const pdf = await renderLetter(letter, withInputs, withOptions, context, withEdits);
      setPreview({
        text: letterText(pdf.doc),
        bytes: pdf.bytes,
        customerCopy: pdf.customerCopy,
        madeFrom: pdf.madeFrom,
        ...(pdf.doc.toCheck ? { toCheck: pdf.doc.toCheck } : {}),
      });
    } catch (e) {
      setPreview(null);
      const unwritten = e instanceof LetterRefusalError && e.said.code.startsWith('needs-');
      if (!(quietIfUnwritten && unwritten)) setError(letterErrorIn(t, locale, e));
    } finally {
      setBusy(null);
    }
  }

  if (!context || !inputs || !options) return null;

  const change = (patch: Partial<LetterInputs>) => {
    setInputs({ ...inputs, ...patch });
    setPreview(null);
    setQuestion(null);
  };
  const changeOptions = (patch: Partial<LetterOptions>) => {
    setOptions({ ...options, ...patch });
    // Words edited in one language do not belong in a letter in another.
    if (patch.language && patch.language !== options.language) setEdits({});
    setPreview(null);
    setQuestion(null);
  };
  const changeEdit = (paragraph: LetterParagraph, text: string | null) => {
    const next = { ...edits };
    if (text === null || text === paragraph.text) delete next[paragraph.id];
    else next[paragraph.id] = text;
    setEdits(next);
    setPreview(null);
    setQuestion(null);
  };

  const doPreview = () => {
    if (choice) void makePreview(choice, inputs, options, edits);
  };

  const doIssue = async (confirmed: boolean) => {
    if (!choice || !preview) return;
    const again = confirmed ? null : issueQuestion(choice, context);
    if (again) {
      setQuestion(again);
      return;
    }
    setQuestion(null);
    setBusy('issue');
    setError(null);
    try {
      const outcome = await issueLetter(choice, inputs, options, context, edits, preview.bytes, preview.madeFrom);
      if (outcome.saved) {
        notifications.show({
          color: 'teal',
          title: t('letter.issued', { letter: t(`letter.choice.${choice}`) }),
          message: t('letter.savedAs', { fileName: outcome.fileName ?? '' }),
        });
        onClose();
      } else if (outcome.error) setError(failureIn(t, { error: outcome.error, message: outcome.message }));
    } catch (e) {
      setError(letterErrorIn(t, locale, e));
    } finally {
      setBusy(null);
    }
  };

  const area = (label: string, key: keyof LetterInputs, description?: string) => (
    <Textarea
      label={label}
      description={description}
      autosize
      minRows={3}
      maxRows={10}
      value={inputs[key]}
      onChange={(e) => change({ [key]: e.currentTarget.value })}
    />
  );

  return (
    <Modal opened={opened} onClose={onClose} onExitTransitionEnd={focusAfterClose} title={t('letter.write')} size="xl">
      <Stack gap="sm">
        {/* The focus starts here, at the top, and "Issue and download" comes last: an Enter pressed a moment early,
            as the dialog opens, must not issue (and record) a letter. */}
        <Select
          data-autofocus
          typingOpensOnly
          label={t('letter.letter')}
          placeholder={t('letter.choose')}
          data={choices.map((c) => ({ value: c, label: t(`letter.choice.${c}`) }))}
          value={choice}
          onChange={(v) => {
            setChoice(v as LetterChoice | null);
            setEdits({});
            setPreview(null);
            setError(null);
            setQuestion(null);
          }}
          allowDeselect={false}
        />
        {(choice === 'update' || choice === 'adr-time') &&
          area(t('letter.progress'), 'progress', t('letter.progressHint'))}
        {choice === 'update' && (
          <DateField
            label={t('letter.nextUpdate')}
            value={inputs.nextUpdateOn}
            onChange={(v) => change({ nextUpdateOn: v })}
            withWords={false}
            popoverProps={{ withinPortal: true }}
          />
        )}
        {choice === 'final-response' && (
          <>
            {area(t('letter.found'), 'outcome')}
            {area(t('letter.done'), 'actionsTaken')}
            {area(t('letter.remedy'), 'remedy')}
          </>
        )}
        {choice === 'adr-final' && area(t('letter.finalPosition'), 'finalPosition')}
        {choice === 'summary-resolution' && (
          <>
            <DateField
              label={t('letter.resolvedOn')}
              value={inputs.resolvedOn}
              onChange={(v) => change({ resolvedOn: v })}
              withWords={false}
              popoverProps={{ withinPortal: true }}
            />
            {area(t('letter.agreed'), 'resolution')}
          </>
        )}
        <Group align="flex-end">
          <Select
            label={t('letter.language')}
            data={letterLanguagesForCase(context.record, context.settings).map((l) => ({
              value: l,
              label: t(`model.letterLanguage.${l}`),
            }))}
            value={options.language}
            onChange={(v) => v && changeOptions({ language: v as LetterLanguage })}
            allowDeselect={false}
            w={220}
          />
          <Checkbox
            label={t('letter.largePrint')}
            checked={options.largePrint}
            onChange={(e) => changeOptions({ largePrint: e.currentTarget.checked })}
            mb={8}
          />
        </Group>
        {choice && (
          <Switch
            label={t('letter.editText')}
            description={t('letter.editTextHint')}
            checked={editing}
            onChange={(e) => setEditing(e.currentTarget.checked)}
          />
        )}
        {editing && draft && (
          <DraftParagraphs draft={draft} edits={edits} onChange={changeEdit} largePrint={options.largePrint} />
        )}
        {noTimeFrame && (
          // A note, not an alert (Mantine's default role): nothing went wrong, and a screen reader need not break in.
          <Alert color="yellow" title={t('letter.noTimeFrame')} role="note" data-notice="no-time-frame">
            {t('letter.noTimeFrameText', { procedure: noTimeFrame.procedure })}
          </Alert>
        )}
        {error && (
          <Alert color="red" title={t('letter.cannotMake')} role="alert">
            {error}
          </Alert>
        )}
        {!preview && !error && (
          <Text size="sm" c="dimmed">
            {busy === 'preview' ? t('letter.making') : t('letter.previewFirst')}
          </Text>
        )}
        {changedSincePreview && (
          <Alert
            ref={changedAlert}
            color="orange"
            title={t('letter.changedSincePreview')}
            role="alert"
            data-changed-since-preview=""
          >
            {t('letter.changedSincePreviewText')}
          </Alert>
        )}
        {preview && (
          <Paper withBorder p="sm" role="group" aria-label={t('letter.preview')}>
            <Text size="xs" c="dimmed" mb="xs">
              {t('letter.previewText', { kb: Math.round(preview.bytes.byteLength / 1024) })}
            </Text>
            {preview.toCheck && (
              // Before "Issue and download": the letter prints the scheme's facts as the directory has them.
              <Alert color="yellow" mb="xs" title={t('schemeCheck.title')} role="note" data-notice="scheme-check">
                {schemeCheckIn(t, locale, preview.toCheck)}
              </Alert>
            )}
            {preview.customerCopy === 'included' && (
              <Text size="sm" mb="xs">
                {t('letter.customerCopy')}
              </Text>
            )}
            {typeof preview.customerCopy === 'object' && (
              <Alert color="yellow" mb="xs" title={t('letter.noCopy')}>
                {sayingIn(t, 'copyMissing', preview.customerCopy.said)}
              </Alert>
            )}
            <PdfPreview bytes={preview.bytes} fallbackText={preview.text} />
          </Paper>
        )}
        {asked && (
          <Alert
            color="yellow"
            title={asked.title}
            role="alert"
            // Escape answers the question ("Do not issue"), not the whole dialog: the words typed stay (#5). Mantine's
            // modal closes on an Escape from any element not marked `data-mantine-stop-propagation` (its buttons are).
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              e.stopPropagation();
              setQuestion(null);
            }}
          >
            <Text size="sm">{asked.text}</Text>
            <Group mt="sm" gap="sm">
              <Button
                ref={anotherButton}
                color="yellow"
                data-mantine-stop-propagation="true"
                onClick={() => void doIssue(true)}
              >
                {asked.issue}
              </Button>
              <Button variant="default" data-mantine-stop-propagation="true" onClick={() => setQuestion(null)}>
                {t('letter.doNotIssue')}
              </Button>
            </Group>
          </Alert>
        )}
        {/* Kept in sight at the foot of the dialog while the pages scroll: the default button is always at hand. */}
        <Group
          justify="flex-end"
          py="sm"
          bg="var(--mantine-color-body)"
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 2,
            borderTop: '1px solid var(--mantine-color-default-border)',
          }}
        >
          <Button variant="default" onClick={onClose}>
            {t('letter.cancel')}
          </Button>
          <Button variant="light" onClick={doPreview} disabled={!choice} loading={busy === 'preview'}>
            {t('letter.previewButton')}
          </Button>
          <Button
            ref={issueButton}
            onClick={() => void doIssue(false)}
            disabled={!choice || !preview || busy === 'preview' || question !== null || changedSincePreview}
            loading={busy === 'issue'}
          >
            {t('letter.issue')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * "Edit text": each catalogue paragraph of the draft in a box of its own, prefilled with the catalogue's words. What the
 * regulator requires (the ADR scheme, its time limit, the CCTS) is shown but cannot be changed; the address, reference,
 * date, headings, scheme details and footer are not listed (they stay generated), nor are the desk's own words (they
 * are edited in the boxes above).
 */
function DraftParagraphs({
  draft,
  edits,
  onChange,
  largePrint,
}: {
  draft: { paragraphs: LetterParagraph[] } | { error: string };
  edits: Readonly<Record<string, string>>;
  onChange: (paragraph: LetterParagraph, text: string | null) => void;
  largePrint: boolean;
}) {
  const t = useT();
  if ('error' in draft) {
    return (
      <Text size="sm" c="dimmed">
        {t('letter.fillFirst', { error: draft.error })}
      </Text>
    );
  }
  return (
    <Paper withBorder p="sm" role="group" aria-label={t('letter.wording')}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('letter.wordingText')}
      </Text>
      <Stack gap="sm">
        {draft.paragraphs.map((p, i) => {
          const label = p.section
            ? t('letter.paragraphIn', { n: i + 1, section: p.section })
            : t('letter.paragraph', { n: i + 1 });
          if (p.required) {
            return (
              <div key={p.id} role="group" aria-label={t('letter.required', { label })}>
                <Text size="sm" fw={500}>
                  {label}
                </Text>
                <Group gap={4} mb={4} wrap="nowrap">
                  <IconLock size={12} aria-hidden />
                  <Text size="xs" c="dimmed">
                    {t('letter.requiredText')}
                  </Text>
                </Group>
                <Text size={largePrint ? 'md' : 'sm'} c="dimmed" bg="gray.0" p="xs" style={{ borderRadius: 4 }}>
                  {p.text}
                </Text>
              </div>
            );
          }
          const edited = Object.prototype.hasOwnProperty.call(edits, p.id);
          const value = edited ? edits[p.id] : p.text;
          return (
            <Textarea
              key={p.id}
              label={label}
              description={
                edited ? (
                  <>
                    {value.trim() ? t('letter.edited') : t('letter.leftOut')}{' '}
                    <Anchor component="button" type="button" size="xs" onClick={() => onChange(p, null)}>
                      {t('letter.putBack')}
                    </Anchor>
                  </>
                ) : undefined
              }
              autosize
              minRows={1}
              maxRows={8}
              value={value}
              onChange={(e) => onChange(p, e.currentTarget.value)}
            />
          );
        })}
      </Stack>
    </Paper>
  );
}
