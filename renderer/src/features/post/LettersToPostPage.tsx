// "Letters to post today": every letter due today or overdue for customers who wrote by post (or asked for post),
// made into one print file with a progress bar; each letter is locked on its case's timeline as issued.
import { Alert, Anchor, Button, Checkbox, Group, List, Loader, Progress, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { useToday } from '../../app/today';
import { useSettings } from '../../db/hooks';
import { db } from '../../db/schema';
import { platform } from '../../platform';
import { useWorkingPerson } from '../cases/actions/useWorkingPerson';
import { DEFAULT_PROGRESS, dueLetterKey, lettersToPost, makePrintFile, POST_LETTER_LABELS, type BatchOutcome, type DueLetter } from './batch';

export function LettersToPostPage() {
  const today = useToday();
  const settings = useSettings();
  const by = useWorkingPerson();
  const [, navigate] = useLocation();
  const [working, setWorking] = useState<{ done: number; total: number } | null>(null);
  const busy = working !== null;
  // While the print file is made the list is not re-read after every letter recorded (it would be 200 reads).
  const live = useLiveQuery(() => (busy ? null : lettersToPost(db(), today)), [today, busy]);
  const [snapshot, setSnapshot] = useState<DueLetter[] | undefined>(undefined);
  const letters = busy ? snapshot : (live ?? (live === null ? snapshot : undefined));
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [progressText, setProgressText] = useState(DEFAULT_PROGRESS);
  const [result, setResult] = useState<(Omit<BatchOutcome, 'bytes'> & { fileName?: string; saveError?: string }) | null>(null);

  const chosen = useMemo(() => (letters ?? []).filter((l) => !unticked.has(dueLetterKey(l))), [letters, unticked]);
  const hasAdr = (letters ?? []).some((l) => l.kind === 'adr-letter');

  const toggle = (k: string) =>
    setUnticked((prev) => {
      const next = new Set(prev);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });

  async function make() {
    if (!settings || chosen.length === 0) return;
    const printFileName = `letters-to-post-${today}.pdf`;
    setResult(null);
    setSnapshot(letters);
    setWorking({ done: 0, total: chosen.length });
    try {
      const outcome = await makePrintFile(db(), chosen, {
        settings,
        today,
        by: by || settings.handlerName,
        progress: progressText,
        printFileName,
        onProgress: (done, total) => setWorking({ done, total }),
      });
      let saveError: string | undefined;
      let fileName: string | undefined;
      if (outcome.bytes) {
        const saved = await platform().saveFile({ suggestedName: printFileName, mimeType: 'application/pdf', data: outcome.bytes });
        if (!saved.ok) saveError = saved.error;
        else if (saved.saved) fileName = saved.fileName;
        else saveError = 'The print file was not saved. The letters are recorded as issued: download each from its case.';
      }
      setResult({ made: outcome.made, pages: outcome.pages, errors: outcome.errors, fileName, saveError });
      setUnticked(new Set());
    } finally {
      setWorking(null);
    }
  }

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={2}>Letters to post today</Title>
        <Text size="sm" c="dimmed">
          Letters due today or overdue for customers who wrote by post or asked for post. Each is recorded on its case as issued.
        </Text>
      </div>
      {letters === undefined || settings === undefined ? (
        <Loader size="sm" aria-label="Loading" />
      ) : (
        <>
          {letters.length === 0 ? (
            <Text c="dimmed" data-ready="letters-to-post">
              No letters to post today.
            </Text>
          ) : (
            <Table aria-label="Letters to post" verticalSpacing="xs" data-ready="letters-to-post">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label="Choose all"
                      checked={chosen.length === letters.length}
                      indeterminate={chosen.length > 0 && chosen.length < letters.length}
                      onChange={() => setUnticked(chosen.length === letters.length ? new Set(letters.map(dueLetterKey)) : new Set())}
                    />
                  </Table.Th>
                  <Table.Th>Reference</Table.Th>
                  <Table.Th>Customer</Table.Th>
                  <Table.Th>Letter</Table.Th>
                  <Table.Th>Why it is due</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {letters.map((l) => {
                  const k = dueLetterKey(l);
                  return (
                    <Table.Tr key={k}>
                      <Table.Td>
                        <Checkbox
                          aria-label={`${POST_LETTER_LABELS[l.kind]} for ${l.reference}`}
                          checked={!unticked.has(k)}
                          disabled={working !== null}
                          onChange={() => toggle(k)}
                        />
                      </Table.Td>
                      <Table.Td>
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
                      <Table.Td>{l.customerName}</Table.Td>
                      <Table.Td>{POST_LETTER_LABELS[l.kind]}</Table.Td>
                      <Table.Td>{l.why}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
          {hasAdr && (
            <Textarea
              label="Progress so far (every ADR letter in this batch)"
              description="Printed under “Where things stand” in each ADR letter."
              autosize
              minRows={2}
              value={progressText}
              disabled={working !== null}
              onChange={(e) => setProgressText(e.currentTarget.value)}
            />
          )}
          {letters.length > 0 && (
            <Group>
              <Button onClick={() => void make()} loading={working !== null} disabled={chosen.length === 0 || !settings}>
                Make print file
              </Button>
              <Text size="sm" c="dimmed">
                {chosen.length} of {letters.length} letters chosen
              </Text>
            </Group>
          )}
          {working && (
            <Stack gap={4}>
              <Progress value={(working.done / working.total) * 100} aria-label="Making the print file" animated />
              <Text size="sm" aria-live="polite">
                {working.done} / {working.total} letters made
              </Text>
            </Stack>
          )}
          {result && (
            <Stack gap="xs">
              {result.made.length > 0 && (
                <Alert color={result.saveError ? 'orange' : 'teal'} title="Print file made" role="status">
                  {result.made.length} {result.made.length === 1 ? 'letter' : 'letters'} ({result.pages} pages)
                  {result.fileName ? ` saved as ${result.fileName}.` : '.'} {result.saveError}
                </Alert>
              )}
              {result.errors.length > 0 && (
                <Alert color="red" title="Not made" role="alert">
                  <List size="sm">
                    {result.errors.map((e) => (
                      <List.Item key={dueLetterKey(e.letter)}>
                        {e.letter.reference} ({POST_LETTER_LABELS[e.letter.kind]}): {e.message}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
