import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  availableActions,
  caseNextSteps,
  offersVoid,
  type ActionContext,
  type CaseActionId,
} from '#shared/casework/index';
import { voidsByEntry } from '#shared/model/effective';
import { type CaseRecord, type PostalAddress, recordedMoment } from '#shared/model/case';
import { deskProviders, providerForCase } from '#shared/model/provider';
import { procedureForCaseOrNull, type Clock } from '#shared/rules/index';
import { evaluateRecord } from '#lib/rules';
import { todayIso } from '#lib/today';
import { afterNextFrame } from '#lib/after-first-frame';
import { warmLetterWorker } from '#letters/off-thread';
import { CaseClashes } from '#features/sharing';
import { MisfitSteps } from './MisfitSteps';
import { useAttachments, useCase, useLetters, useSettings, useTimeline } from '#db/hooks';
import type { LetterRow } from '#db/schema';
import {
  LetterDialog,
  WithdrawLetterDialog,
  choiceForKind,
  downloadIssuedLetter,
  letterTheStageCallsFor,
  type LetterChoice,
} from '#features/letters';
import {
  addressedTo,
  addressSinceChanged,
  lettersOnTimeline,
  receiptSinceCorrected,
  standingLetterOfKind,
} from '#shared/letters/index';
import { ActionFormModal } from './actions/ActionFormModal';
import { ActionsMenu } from './actions/ActionsMenu';
import { NextSteps } from './actions/NextSteps';
import { TimelineDetails } from './actions/TimelineDetails';
import { authorityText, needsText } from './actions/words';
import { useWorkingPerson } from '#features/people';
import { HandlerSelect } from '#features/people';
import { formatDate, formatTimestamp } from '#lib/format';
import { platform } from '#platform';
import { AnonymisedNotice } from '#features/privacy';
import { EraseCustomerDialog } from '#features/privacy';
import { VulnerabilityRow } from '#features/privacy';
import { SubjectAccessButton } from '#features/exchange';
import { ScreenTitle } from '#ui/ScreenTitle';
import { FormattedMessage } from 'react-intl';
import {
  clockLabel,
  entrySummaryIn,
  failureIn,
  explanationIn,
  phraseIn,
  type Translate,
  builtInWordsIn,
  nameIn,
  useLocale,
  useT,
} from '#lib/i18n/index';
import { AddAttachmentsDialog } from './attachments/AddAttachmentsDialog';
import { AttachmentsCard, FileDropArea } from './attachments/AttachmentsCard';
import { letterNames } from './letters-issued/names';

const STATE_COLOURS = { running: 'blue', met: 'teal', missed: 'red', 'not-applicable': 'gray' } as const;
const STATUS_COLOURS = { open: 'teal', resolved: 'blue', closed: 'gray' } as const;

/** Print the locked copy of an issued letter: the OS print dialog on the desktop, the browser's print on the web. */
async function printIssuedLetter(letter: { fileName: string; bytes: Uint8Array }, t: Translate): Promise<void> {
  const result = await platform().printPdf({
    title: letter.fileName.replace(/\.pdf$/i, '').slice(0, 200) || t('case.letter'),
    data: letter.bytes,
  });
  if (!result.ok)
    notifications.show({
      color: 'red',
      title: t('case.letterNotPrinted'),
      message: failureIn(t, result),
      autoClose: false,
    });
}

/**
 * The state, and the day the clock ended when it has ("Met 3 Sep 2026"). A provider's target that runs while the case
 * is paused is said to be paused: its due date moves on a day for each day of the pause (explore41-clocks #4, where it
 * read "Running" beside "(still paused)").
 */
function ClockState({ clock, paused }: { clock: Clock; paused: boolean }) {
  const t = useT();
  const stopped = paused && clock.source === 'provider' && clock.state === 'running';
  return (
    <>
      <Text size="sm" fw={600} c={stopped ? 'gray.7' : `${STATE_COLOURS[clock.state]}.7`}>
        {stopped ? t('case.state.paused') : t(`case.state.${clock.state}`)}
      </Text>
      {clock.closedOn && (
        <Text size="xs" c="dimmed">
          {t('case.clockOn', { date: formatDate(clock.closedOn) })}
        </Text>
      )}
    </>
  );
}

function Address({ address }: { address?: PostalAddress }) {
  const t = useT();
  if (!address) return <Text c="dimmed">{t('case.noAddress')}</Text>;
  return <Text style={{ whiteSpace: 'pre-line' }}>{[...address.lines, address.postcode].join('\n')}</Text>;
}

function Details({
  record,
  onVulnerability,
  onErase,
}: {
  record: CaseRecord;
  onVulnerability?: () => void;
  onErase?: () => void;
}) {
  const t = useT();
  const row = (label: string, value: React.ReactNode) => (
    <Table.Tr>
      <Table.Th w={170}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Card withBorder h="100%">
      <Title order={2} size="h4" mb="xs">
        {t('case.complaint')}
      </Title>
      <Table>
        <Table.Tbody>
          {row(
            t('case.received'),
            // "in person", not "by in person" (explore36-handler #9).
            record.channel === 'in-person'
              ? t('case.receivedInPerson', { date: formatDate(record.receivedOn) })
              : t('case.receivedBy', {
                  date: formatDate(record.receivedOn),
                  channel: t(`model.channel.${record.channel}`).toLowerCase(),
                }),
          )}
          {row(t('case.category'), t(`model.category.${record.category}`))}
          {row(
            t('case.summary'),
            record.anonymisedOn ? (
              <Text c="dimmed" size="sm">
                {t('case.removedAnonymised')}
              </Text>
            ) : (
              <Text style={{ whiteSpace: 'pre-wrap' }}>{record.summary}</Text>
            ),
          )}
          {row(t('case.customer'), nameIn(t, record.customer.name))}
          {!record.anonymisedOn && row(t('case.address'), <Address address={record.customer.address} />)}
          {record.customer.phone && row(t('case.phone'), record.customer.phone)}
          {record.customer.email && row(t('case.email'), record.customer.email)}
          {record.customer.accountNumber && row(t('case.account'), record.customer.accountNumber)}
          {record.customer.isBusiness &&
            row(
              t('case.business'),
              record.customer.employees === undefined
                ? t('case.businessUnknown')
                : t('case.businessSize', { count: record.customer.employees }),
            )}
          {record.communication && row(t('case.writeToThem'), needsText(t, record.communication))}
          {record.representative &&
            row(
              t('case.actingForThem'),
              t('case.actingValue', {
                name: record.representative.name,
                relationship: record.representative.relationship,
              }),
            )}
          {record.representative?.authority &&
            row(t('case.authority'), authorityText(t, record.representative.authority))}
          {record.representative?.address &&
            row(t('case.repAddress'), <Address address={record.representative.address} />)}
          {!record.anonymisedOn &&
            row(t('case.vulnerability'), <VulnerabilityRow key={record.id} record={record} onEdit={onVulnerability} />)}
          {row(
            t('case.handler'),
            record.status === 'open' ? (
              <HandlerSelect
                caseId={record.id}
                reference={record.reference}
                assignee={record.assignee ?? ''}
                size="xs"
                maw={260}
              />
            ) : (
              (record.assignee ?? '—')
            ),
          )}
        </Table.Tbody>
      </Table>
      {!record.anonymisedOn && (
        <Group justify="flex-end" mt="sm">
          <SubjectAccessButton record={record} />
        </Group>
      )}
      {onErase && !record.anonymisedOn && (
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" color="red" size="xs" onClick={onErase}>
            {t('case.erase')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

/**
 * A letter's addressee as kept with it (`addressedTo`: a block of lines each, the customer's copy after a blank line),
 * in one sentence: "Daniel Okafor, 3 Mill Lane, Dover, CT16 1AA (the customer’s copy: Margaret Okafor, …)".
 */
function addressInWords(t: Translate, kept: string): string {
  const [to = '', copy] = kept.split(/\n\s*\n/).map((block) => block.split('\n').join(', '));
  return copy ? t('case.letterAddressWithCopy', { to, copy }) : to;
}

export function CasePage({ id }: { id: string }) {
  const t = useT();
  const { locale } = useLocale();
  const record = useCase(id);
  const events = useTimeline(id);
  // Read with the case, not after it is drawn (no second round trip), and without the files' bytes.
  const attachments = useAttachments(id);
  const letters = useLetters(id);
  const settings = useSettings();
  const by = useWorkingPerson();
  const [openAction, setOpenAction] = useState<CaseActionId | null>(null);
  // The entry a void is for (the void form opens from the entry on the timeline).
  const [voiding, setVoiding] = useState<string | null>(null);
  // The "Letters…" button: where focus goes when a letter dialog closes and the button that opened it has gone.
  const lettersButton = useRef<HTMLButtonElement>(null);
  // The letter dialog: closed, open with no letter chosen ("Other letters…"), or open with one chosen.
  const [letterDialog, setLetterDialog] = useState<{ choice: LetterChoice | null } | null>(null);
  const [withdrawing, setWithdrawing] = useState<LetterRow | null>(null);
  const [eraseOpen, setEraseOpen] = useState(false);
  // Files picked or dropped, waiting in the add dialog for their kind and note.
  const [adding, setAdding] = useState<File[] | null>(null);
  const today = todayIso();
  // The letter worker gets ready (pdfmake loaded, the fonts parsed) once the case is on screen, off the page's thread,
  // so the first letter a handler makes is quick (issue #19).
  useEffect(() => afterNextFrame(warmLetterWorker), []);

  const evaluated = useMemo(
    () => (record && events ? evaluateRecord(record, events, today) : null),
    [record, events, today],
  );
  const procedure = useMemo(() => (record ? procedureForCaseOrNull(record) : null), [record]);
  const evaluation = evaluated?.evaluation ?? null;
  const actions = useMemo(
    () => (record && events ? availableActions(record, events, evaluation, procedure) : []),
    [record, events, evaluation, procedure],
  );
  const stageLetter = useMemo(
    () => (record && events && evaluation ? letterTheStageCallsFor({ record, events, evaluation, today }) : null),
    [record, events, evaluation, today],
  );
  // Each issued letter as the timeline says it (its withdrawal, the date received it was made with); the letter's row
  // is never changed.
  const issued = useMemo(() => new Map(lettersOnTimeline(events ?? []).map((l) => [l.letterId, l] as const)), [events]);
  const names = letterNames(letters ?? [], (id) => issued.get(id)?.issuedBy, t);
  const addressNow = useMemo(() => (record ? addressedTo(record) : undefined), [record]);

  // Drawn once everything it lists is read (the three reads run together), so nothing jumps down the page.
  if (record === undefined || events === undefined || attachments === undefined) return null;
  if (record === null) return <Alert color="red">{t('case.notFound')}</Alert>;

  const context: ActionContext = {
    record,
    events,
    evaluation,
    procedure,
    today,
    by,
    providers: settings ? deskProviders(settings) : [],
  };
  const voids = voidsByEntry(events);
  const status = evaluation?.status ?? record.status;

  return (
    <FileDropArea disabled={!!record.anonymisedOn} onFiles={setAdding}>
      <Stack gap="md">
        {/* Side by side on a wide window; at 320 px or 200 % zoom the buttons wrap under the title (WCAG 1.4.10). */}
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <ScreenTitle ff="monospace">{record.reference}</ScreenTitle>
            <Text c="dimmed">
              {nameIn(t, record.customer.name)}
              {evaluated?.procedureName ? ` · ${evaluated.procedureName}` : ''}
            </Text>
            {settings && (
              <Text size="sm" c="dimmed" data-provider={providerForCase(record, settings).provider.id}>
                {t('case.provider', { name: providerForCase(record, settings).provider.name })}
                {!providerForCase(record, settings).known && ` ${t('case.providerUnknown')}`}
              </Text>
            )}
            {evaluation && (
              <Text size="sm" c="dimmed" data-testid="procedure-version">
                {evaluation.procedureVersion.effectiveFrom
                  ? t('case.procedureFrom', {
                      label: evaluation.procedureVersion.label,
                      from: formatDate(evaluation.procedureVersion.effectiveFrom),
                      received: formatDate(record.receivedOn),
                    })
                  : t('case.procedure', {
                      label: evaluation.procedureVersion.label,
                      received: formatDate(record.receivedOn),
                    })}
              </Text>
            )}
            {evaluation && (
              <Text size="sm" mt={4} component="div" role="group" aria-label={t('case.stage')}>
                <FormattedMessage
                  id="case.stageIs"
                  values={{ name: builtInWordsIn(locale, evaluation.stageName), b: (c) => <b>{c}</b> }}
                />
                {procedure && (
                  <Text span c="dimmed" size="sm">
                    {' '}
                    {t('case.stageOf', {
                      index: procedure.stages.findIndex((st) => st.id === evaluation.stage) + 1,
                      count: procedure.stages.length,
                    })}
                  </Text>
                )}
                {evaluation.pausedSince && (
                  <Text span c="orange.8" size="sm">
                    {' '}
                    {t('case.pausedSince', { date: formatDate(evaluation.pausedSince) })}
                  </Text>
                )}
              </Text>
            )}
          </div>
          <Group wrap="wrap" style={{ flex: '0 1 auto' }}>
            <Badge
              size="lg"
              variant="light"
              color={STATUS_COLOURS[status]}
              data-testid="case-status"
              data-status={status}
            >
              {t(`model.status.${status}`)}
            </Badge>
            {stageLetter && (
              <Button
                variant="default"
                onClick={() => setLetterDialog({ choice: stageLetter })}
                disabled={!evaluation || !settings || !!record.anonymisedOn}
              >
                {t(`case.letterButton.${stageLetter}`)}
              </Button>
            )}
            <Button
              ref={lettersButton}
              variant="default"
              onClick={() => setLetterDialog({ choice: null })}
              disabled={!evaluation || !settings || !!record.anonymisedOn}
            >
              {stageLetter ? t('case.otherLetters') : t('case.letters')}
            </Button>
            <ActionsMenu actions={actions} onChoose={setOpenAction} />
          </Group>
        </Group>

        <AnonymisedNotice record={record} />
        <CaseClashes caseId={record.id} by={by} today={today} />
        <MisfitSteps record={record} events={events} procedure={procedure} />
        {evaluation && (
          <NextSteps
            steps={caseNextSteps(record, events ?? [], evaluation)}
            today={today}
            actions={actions}
            onChoose={setOpenAction}
          />
        )}
        {evaluation && evaluation.warnings.length > 0 && (
          <Alert color="yellow" variant="light" role="note" title={t('case.check')}>
            {evaluation.warningPhrases.map((w, i) => (
              <Text key={evaluation.warnings[i]} size="sm">
                {phraseIn(t, locale, w)}
              </Text>
            ))}
          </Alert>
        )}

        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Details
              record={record}
              onVulnerability={() => setOpenAction('record-vulnerability')}
              onErase={() => setEraseOpen(true)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Card withBorder h="100%">
              <Title order={2} size="h4" mb="xs">
                {t('case.clocks')}
              </Title>
              {evaluated?.error && (
                <Alert color="red">
                  {evaluated.reason
                    ? t('case.clocksUnreadable', { reason: phraseIn(t, locale, evaluated.reason) })
                    : evaluated.error}
                </Alert>
              )}
              {evaluated?.evaluation && (
                <Table aria-label={t('case.clocks')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('case.clock')}</Table.Th>
                      <Table.Th>{t('case.due')}</Table.Th>
                      <Table.Th>{t('case.state')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {evaluated.evaluation.clocks.map((clock) => (
                      <Table.Tr key={clock.id} data-clock={clock.id}>
                        <Table.Td>
                          <Text fw={500}>{clockLabel(t, clock.label, locale)}</Text>
                          <Text size="xs" c="dimmed">
                            {explanationIn(t, locale, clock.explain)}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }} data-due-on={clock.dueOn ?? ''}>
                          {formatDate(clock.dueOn)}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }} data-state={clock.state}>
                          <ClockState clock={clock} paused={!!evaluation?.pausedSince} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
          </Grid.Col>
        </Grid>

        <AttachmentsCard
          attachments={attachments}
          by={by || settings?.handlerName || ''}
          readOnly={!!record.anonymisedOn}
          onAdd={setAdding}
        />
        <AddAttachmentsDialog
          caseId={record.id}
          customerEmail={record.customer.email}
          files={adding}
          by={by || settings?.handlerName || ''}
          onClose={() => setAdding(null)}
        />

        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {t('case.timeline')}
          </Title>
          <Timeline bulletSize={14} lineWidth={2} role="group" aria-label={t('case.timeline')}>
            {events.map((e) => {
              const voidedBy = voids.get(e.id);
              const summary = entrySummaryIn(t, locale, e, { record, procedure, events });
              return (
                <Timeline.Item
                  key={e.id}
                  title={
                    voidedBy ? (
                      <Text span fw={500} td="line-through" c="dimmed">
                        {summary}
                      </Text>
                    ) : (
                      summary
                    )
                  }
                  data-event-type={e.type}
                  data-voided={voidedBy ? 'yes' : undefined}
                  color={voidedBy ? 'gray' : undefined}
                >
                  <Group gap="xs" wrap="nowrap">
                    <Text size="xs" c="dimmed">
                      {t('case.recorded', { date: formatDate(e.on), at: formatTimestamp(recordedMoment(e)), by: e.by })}
                    </Text>
                    {!voidedBy && !record.anonymisedOn && offersVoid(e.id, events) && (
                      <Anchor
                        component="button"
                        size="xs"
                        c="dimmed"
                        onClick={() => {
                          setVoiding(e.id);
                          setOpenAction('void-entry');
                        }}
                        aria-label={t('case.voidEntry', { date: formatDate(e.on), summary })}
                      >
                        {t('case.void')}
                      </Anchor>
                    )}
                  </Group>
                  {voidedBy && (
                    <Text size="xs" c="red.8" mt={2} data-void-note>
                      {typeof voidedBy.data?.reason === 'string'
                        ? t('case.voidedWhy', {
                            date: formatDate(voidedBy.on),
                            by: voidedBy.by,
                            reason: voidedBy.data.reason,
                          })
                        : t('case.voided', { date: formatDate(voidedBy.on), by: voidedBy.by })}
                    </Text>
                  )}
                  {/* Dated after this desk's today: recorded at a desk whose clock was ahead, most likely. It stops
                      steps dated today on this case at every desk until voided (explore40-team #2). */}
                  {!voidedBy && e.on > today && (
                    <Text size="xs" c="orange.9" mt={2} data-dated-ahead>
                      {t('case.datedAhead', { today: formatDate(today) })}
                    </Text>
                  )}
                  {/* The receipt keeps the day it was logged with; a correction since moved it (explore33-desk #6). */}
                  {e.type === 'received' && e.on !== record.receivedOn && (
                    <Text size="xs" c="dimmed" mt={2} data-received-corrected>
                      {t('case.receivedCorrectedTo', { date: formatDate(record.receivedOn) })}
                    </Text>
                  )}
                  <TimelineDetails event={e} />
                </Timeline.Item>
              );
            })}
          </Timeline>
        </Card>

        <ActionFormModal
          action={openAction}
          context={context}
          initial={openAction === 'void-entry' && voiding ? { entryId: voiding } : undefined}
          returnFocusTo={lettersButton}
          onClose={() => {
            setOpenAction(null);
            setVoiding(null);
          }}
        />
        <EraseCustomerDialog opened={eraseOpen} caseId={record.id} by={by} onClose={() => setEraseOpen(false)} />
        <WithdrawLetterDialog
          letter={withdrawing}
          events={events ?? []}
          issuedBy={withdrawing ? issued.get(withdrawing.id)?.issuedBy : undefined}
          today={today}
          by={by || settings?.handlerName || ''}
          onClose={() => setWithdrawing(null)}
          returnFocusTo={lettersButton}
        />
        <LetterDialog
          opened={letterDialog !== null}
          initialChoice={letterDialog?.choice ?? null}
          onClose={() => setLetterDialog(null)}
          returnFocusTo={lettersButton}
          context={
            evaluation && settings
              ? { record, events, evaluation, settings, today, by: by || settings.handlerName }
              : null
          }
        />

        {letters && letters.length > 0 && (
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('case.lettersIssued')}
            </Title>
            <Table>
              <Table.Tbody>
                {letters.map((l) => {
                  const onTimeline = issued.get(l.id);
                  const name = names.get(l.id) ?? l.fileName;
                  const withdrawn = onTimeline?.withdrawn;
                  // Made with a date received since corrected (here, or at another desk while this one was offline).
                  const madeWith = onTimeline ? receiptSinceCorrected(onTimeline, record.receivedOn) : null;
                  // Addressed as the case no longer was when it was issued (changed at another desk, or meanwhile).
                  const madeFor = onTimeline ? addressSinceChanged(onTimeline, addressNow, events) : null;
                  // Offered until a letter of the same kind stands again (the corrected one).
                  const corrected =
                    withdrawn && !standingLetterOfKind(events, l.kind) ? choiceForKind(l.kind, { events }) : null;
                  return (
                    <Table.Tr key={l.id} data-withdrawn={withdrawn ? 'true' : undefined}>
                      <Table.Td>
                        <Text size="sm" td={withdrawn ? 'line-through' : undefined}>
                          {l.fileName}
                        </Text>
                        {withdrawn && (
                          <Text size="xs" c="red.8">
                            <Badge color="red" variant="light" size="sm" mr={6}>
                              {t('case.withdrawn')}
                            </Badge>
                            {t('case.withdrawnBy', {
                              date: formatDate(withdrawn.on),
                              by: withdrawn.by,
                              reason: withdrawn.reason,
                            })}
                          </Text>
                        )}
                        {madeFor && !record.anonymisedOn && (
                          <Text size="xs" c="orange.9" data-letter-address-changed>
                            {t('case.letterAddressChanged', { then: addressInWords(t, madeFor) })}
                          </Text>
                        )}
                        {madeWith && !record.anonymisedOn && (
                          <Text size="xs" c="orange.9" data-letter-receipt-corrected>
                            {t('case.letterReceiptCorrected', {
                              then: formatDate(madeWith),
                              now: formatDate(record.receivedOn),
                            })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {formatDate(l.issuedOn)}
                        {onTimeline?.issuedBy && (
                          <Text size="xs" c="dimmed">
                            {t('case.issuedBy', { by: onTimeline.issuedBy })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace" c="dimmed" title={t('case.sha')}>
                          {l.sha256.slice(0, 16)}…
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="md" wrap="nowrap">
                          <Anchor component="button" onClick={() => void downloadIssuedLetter(l)}>
                            {t('case.download')}
                          </Anchor>
                          <Anchor
                            component="button"
                            onClick={() => void printIssuedLetter(l, t)}
                            aria-label={t('case.printName', { name })}
                          >
                            {t('case.print')}
                          </Anchor>
                          {!withdrawn && !record.anonymisedOn && (
                            <Anchor
                              component="button"
                              c="red.8"
                              onClick={() => setWithdrawing(l)}
                              aria-label={t('case.withdrawName', { name })}
                            >
                              {t('case.withdraw')}
                            </Anchor>
                          )}
                          {corrected && !record.anonymisedOn && evaluation && settings && (
                            <Anchor component="button" onClick={() => setLetterDialog({ choice: corrected })}>
                              {t('case.corrected')}
                            </Anchor>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Card>
        )}
      </Stack>
    </FileDropArea>
  );
}
