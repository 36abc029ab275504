// The letter dialog: choose a letter, fill the few inputs it needs, preview its words (rendering the PDF proves it
// can be made), edit and preview again, then issue it: saved where the user chooses and locked on the timeline.
import { Alert, Button, Checkbox, Group, Modal, Paper, ScrollArea, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { LETTER_LANGUAGE_LABELS, LETTER_LANGUAGES } from '../../../../shared/model/case';
import type { LetterLanguage } from '../../../../shared/letters';
import { renderPdf } from '../../letters/render';
import {
  LETTER_CHOICE_LABELS,
  availableLetters,
  buildLetter,
  defaultInputs,
  defaultOptions,
  issueLetter,
  letterText,
  type LetterChoice,
  type LetterContext,
  type LetterInputs,
  type LetterOptions,
} from './compose';

interface Preview {
  text: string;
  pdfBytes: number;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function LetterDialog({ opened, onClose, context }: { opened: boolean; onClose: () => void; context: LetterContext | null }) {
  const choices = useMemo(() => (context ? availableLetters(context.record, context.evaluation) : []), [context]);
  const [choice, setChoice] = useState<LetterChoice | null>(null);
  const [inputs, setInputs] = useState<LetterInputs | null>(null);
  const [options, setOptions] = useState<LetterOptions | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'issue' | null>(null);

  // Fresh inputs each time the dialog opens.
  useEffect(() => {
    if (!opened || !context) return;
    setChoice(null);
    setInputs(defaultInputs(context));
    setOptions(defaultOptions(context.record));
    setPreview(null);
    setError(null);
    // Only on opening: later renders bring a new context object, and the desk's inputs must survive them.
  }, [opened]);

  if (!context || !inputs || !options) return null;

  const change = (patch: Partial<LetterInputs>) => {
    setInputs({ ...inputs, ...patch });
    setPreview(null);
  };
  const changeOptions = (patch: Partial<LetterOptions>) => {
    setOptions({ ...options, ...patch });
    setPreview(null);
  };

  const doPreview = async () => {
    if (!choice) return;
    setBusy('preview');
    setError(null);
    try {
      const doc = buildLetter(choice, inputs, options, context);
      const bytes = await renderPdf(doc);
      setPreview({ text: letterText(doc), pdfBytes: bytes.byteLength });
    } catch (e) {
      setPreview(null);
      setError(message(e));
    } finally {
      setBusy(null);
    }
  };

  const doIssue = async () => {
    if (!choice) return;
    setBusy('issue');
    setError(null);
    try {
      const outcome = await issueLetter(choice, inputs, options, context);
      if (outcome.saved) {
        notifications.show({ color: 'teal', title: `${LETTER_CHOICE_LABELS[choice]} issued`, message: `Saved as ${outcome.fileName}` });
        onClose();
      } else if (outcome.error) setError(outcome.error);
    } catch (e) {
      setError(message(e));
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
    <Modal opened={opened} onClose={onClose} title="Write a letter" size="xl">
      <Stack gap="sm">
        <Select
          label="Letter"
          placeholder="Choose a letter"
          data={choices.map((c) => ({ value: c, label: LETTER_CHOICE_LABELS[c] }))}
          value={choice}
          onChange={(v) => {
            setChoice(v as LetterChoice | null);
            setPreview(null);
            setError(null);
          }}
          allowDeselect={false}
        />
        {(choice === 'update' || choice === 'adr-time') && area('Progress so far', 'progress', 'In your words; a blank line starts a new paragraph.')}
        {choice === 'update' && (
          <TextInput label="Next update by" type="date" value={inputs.nextUpdateOn} onChange={(e) => change({ nextUpdateOn: e.currentTarget.value })} />
        )}
        {choice === 'final-response' && (
          <>
            {area('What we found', 'outcome')}
            {area('What we have done', 'actionsTaken')}
            {area('Remedy or compensation (optional)', 'remedy')}
          </>
        )}
        {choice === 'adr-final' && area('Our final position', 'finalPosition')}
        {choice === 'summary-resolution' && (
          <>
            <TextInput label="Resolved on" type="date" value={inputs.resolvedOn} onChange={(e) => change({ resolvedOn: e.currentTarget.value })} />
            {area('What was agreed', 'resolution')}
          </>
        )}
        <Group align="flex-end">
          <Select
            label="Language"
            data={LETTER_LANGUAGES.map((l) => ({ value: l, label: LETTER_LANGUAGE_LABELS[l] }))}
            value={options.language}
            onChange={(v) => v && changeOptions({ language: v as LetterLanguage })}
            allowDeselect={false}
            w={220}
          />
          <Checkbox
            label="Large print"
            checked={options.largePrint}
            onChange={(e) => changeOptions({ largePrint: e.currentTarget.checked })}
            mb={8}
          />
        </Group>
        {error && (
          <Alert color="red" title="The letter cannot be made" role="alert">
            {error}
          </Alert>
        )}
        {preview && (
          <Paper withBorder p="sm" aria-label="Letter preview">
            <Text size="xs" c="dimmed" mb="xs">
              Preview of the letter's text (PDF {Math.round(preview.pdfBytes / 1024)} KB). Edit the boxes above and preview
              again if it needs changing.
            </Text>
            <ScrollArea.Autosize mah={360}>
              <Text size={options.largePrint ? 'lg' : 'sm'} style={{ whiteSpace: 'pre-wrap' }}>
                {preview.text}
              </Text>
            </ScrollArea.Autosize>
          </Paper>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="light" onClick={() => void doPreview()} disabled={!choice} loading={busy === 'preview'}>
            Preview
          </Button>
          <Button onClick={() => void doIssue()} disabled={!choice || busy === 'preview'} loading={busy === 'issue'}>
            Issue
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
