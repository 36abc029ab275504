// Settings → Procedures: every procedure Redress knows, with its stages, owners and targets (issue #16). The built-in
// ones (the five providers' and the Ofcom baseline) are read-only: a desk copies one, then edits its copy
// (./ProcedureEditor.tsx), stored only when it is saved; editing a procedure cases follow makes a new version with an
// effective date. A procedure is exported to and imported from a JSON file, checked like a backup (nothing is changed
// by a bad file). A desk's own procedure no provider follows and no case was logged under may be removed; one in use
// says what uses it. One a desk cannot remove (its cases need it, or the desk shares with a team) it may retire: kept,
// every version, for its cases, but offered for no new work, until it is reinstated.
import { openConfirm } from '#ui/confirm';
import {
  Accordion,
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { SchemeUnverified } from './SchemeUnverified';
import type { Channel } from '#shared/model/case';
import {
  BUILT_IN_PROCEDURE_IDS,
  getAdrScheme,
  getRegime,
  listProcedures,
  type Procedure,
  procedureFile,
  procedureVersions,
  deskProcedures,
  readProcedureFile,
  type SaveRefusal,
  type Target,
} from '#shared/rules/index';
import { useProcedureRows, useProcedureUses } from '#db/hooks';
import { procedureRetiredOn, storedProceduresProblem } from '#db/desk';
import {
  draftCopy,
  importProcedure,
  isInUse,
  keepsFromRetiring,
  lastCaseFollowing,
  ProcedureRemovalError,
  ProcedureRetirementError,
  retireProcedure,
  ProcedureSaveError,
  type ProcedureUse,
  removeProcedure,
  saveProcedure,
} from '#db/repositories/procedures';
import { db } from '#db/schema';
import { platform } from '#platform';
import { formatDate } from '#lib/format';
import {
  errorIn,
  failureIn,
  procedureIssueIn,
  procedureProblemIn,
  regimeNameIn,
  type Translate,
  useLocale,
  useT,
} from '#lib/i18n/index';
import { schemeFullNameIn } from '#shared/letters/index';
import { ProcedureEditor } from './ProcedureEditor';

/** "10 working days" / "10 jours ouvrables" (shared/rules describeDuration's English, in the interface language). */
function durationIn(t: Translate, d: Pick<Target, 'amount' | 'unit'>): string {
  if (d.amount === 0) return t('procedures.atOnce');
  return t('procedures.duration', { unit: d.unit === 'working-days' ? 'working' : d.unit, n: d.amount });
}

/** Why a save was refused, in the interface language (the facts from shared/rules savePlan). */
function refusalIn(t: Translate, refusal: SaveRefusal): string {
  if (refusal.kind === 'built-in') return t('procedures.refused.builtIn');
  const values = { version: refusal.version, date: formatDate(refusal.date) };
  if (refusal.kind === 'effective-missing') return t('procedures.refused.effectiveMissing', values);
  if (refusal.kind === 'effective-too-early') return t('procedures.refused.effectiveTooEarly', values);
  return t('procedures.refused.effectiveBeforePrevious', values);
}

/** "Maple Telecom, the desk’s default procedure and 12 cases": what keeps a procedure, in the interface language. */
function usesIn(t: Translate, locale: string, use: ProcedureUse): string {
  const parts = [
    ...use.providers,
    ...(use.deskDefault ? [t('procedures.useDefault')] : []),
    ...(use.cases > 0 ? [t('procedures.useCases', { n: use.cases })] : []),
  ];
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts);
}

/** Who uses a procedure, and why that keeps it: cases need the procedure they were logged under; a provider can change. */
const usedByIn = (t: Translate, locale: string, use: ProcedureUse): string =>
  t('procedures.usedBy', { uses: usesIn(t, locale, use), why: use.cases > 0 ? 'cases' : 'followed' });

/** Why a procedure was not removed, in the interface language. */
function removalRefusalIn(t: Translate, locale: string, error: ProcedureRemovalError): string {
  if (error.reason === 'in-use') return usedByIn(t, locale, error.use!);
  if (error.reason === 'team') return t('procedures.teamNoRemove');
  return t(error.reason === 'built-in' ? 'procedures.removal.builtIn' : 'procedures.removal.unknown');
}

/** Why a procedure was not retired, in the interface language. */
function retirementRefusalIn(t: Translate, locale: string, error: ProcedureRetirementError): string {
  if (error.reason === 'in-use') return t('procedures.retireBlocked', { uses: retireUsesIn(t, locale, error.use!) });
  return t(error.reason === 'built-in' ? 'procedures.retirement.builtIn' : 'procedures.retirement.unknown');
}

/** "Maple Telecom and the desk’s default procedure": what keeps a procedure from being retired. */
function retireUsesIn(t: Translate, locale: string, use: ProcedureUse): string {
  return usesIn(t, locale, { ...use, providers: use.activeProviders, cases: 0 });
}

function target(t: Translate, target: Target | undefined): string {
  if (!target) return '—';
  return t('procedures.targetText', { duration: durationIn(t, target), what: target.what });
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

export function ProcedureDetails({ p, today }: { p: Procedure; today: string }) {
  const t = useT();
  const { locale } = useLocale();
  const byChannel = Object.entries(p.firstResponse.byChannel ?? {}) as Array<[Channel, Target]>;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('procedures.details', {
          source: p.source,
          version: p.version,
          regime: safe(() => regimeNameIn(t, p.regimeId, getRegime(p.regimeId).name)) ?? p.regimeId,
          // In the interface's language where the directory names it so (the CCTS is the CPRST in French).
          scheme: safe(() => schemeFullNameIn(locale, getAdrScheme(p.adrSchemeId, today))) ?? p.adrSchemeId,
        })}
      </Text>
      <SchemeUnverified schemeId={p.adrSchemeId} today={today} />
      <Group gap="xl" align="flex-start">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('procedures.acknowledgement')}
          </Text>
          <Text size="sm">{target(t, p.acknowledgement)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('procedures.firstResponse')}
          </Text>
          <Text size="sm">{target(t, p.firstResponse.default)}</Text>
          {byChannel.map(([channel, due]) => (
            <Text size="sm" key={channel}>
              {t('procedures.byChannel', { channel: t(`model.channel.${channel}`), target: target(t, due) })}
            </Text>
          ))}
        </div>
      </Group>
      <Table aria-label={t('procedures.stages', { name: p.name })} withTableBorder verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={30}>#</Table.Th>
            <Table.Th>{t('procedures.stage')}</Table.Th>
            <Table.Th>{t('procedures.owner')}</Table.Th>
            <Table.Th>{t('procedures.target')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.stages.map((s, i) => (
            <Table.Tr key={s.id}>
              <Table.Td>{i + 1}</Table.Td>
              {/* A long unbroken stage name wraps where it must, rather than widening the whole Settings page. */}
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {s.name}
                {s.external && (
                  <Badge ml={6} size="xs" variant="light" color="gray" tt="none">
                    {t('procedures.outside')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{s.owner}</Table.Td>
              <Table.Td>{target(t, s.target)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {p.notes.length > 0 && (
        <List size="xs" c="dimmed" spacing={2}>
          {p.notes.map((n) => (
            <List.Item key={n}>{n}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

const utf8 = new TextEncoder();

async function exportProcedure(t: Translate, p: Procedure): Promise<void> {
  const result = await platform().saveFile({
    suggestedName: `${p.id}-v${p.version}.redress-procedure.json`,
    mimeType: 'application/json',
    data: utf8.encode(`${JSON.stringify(procedureFile(p), null, 2)}\n`),
  });
  if (!result.ok)
    notifications.show({ color: 'red', title: t('procedures.notExported'), message: failureIn(t, result) });
}

export function ProceduresView({ today, defaultProcedureId }: { today: string; defaultProcedureId?: string }) {
  // Re-read when the desk's procedures change (the hook installs them as the rules').
  const rows = useProcedureRows();
  const procedures = listProcedures();
  const [editing, setEditing] = useState<{ procedure: Procedure; inUse: string | null; draft: boolean } | null>(null);
  // The keyboard's place (WCAG 2.4.3): the editor's title once it opens, in place of the list; back in the list, the
  // procedure it edited (or saved), else the list's title. Without it the focus fell to the page (explore32-desk #5).
  const editorTitle = useRef<HTMLHeadingElement>(null);
  const listTitle = useRef<HTMLHeadingElement>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const close = (id: string) => {
    setReturnTo(id);
    setEditing(null);
  };
  useEffect(() => {
    if (editing) {
      editorTitle.current?.focus();
      return;
    }
    if (returnTo === null) return;
    const control = document.querySelector<HTMLElement>(`[data-procedure-control="${CSS.escape(returnTo)}"]`);
    (control ?? listTitle.current)?.focus();
    setReturnTo(null);
  }, [editing, returnTo]);
  const [opened, setOpened] = useState<string[]>([]);
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const installProblem = storedProceduresProblem();
  const t = useT();
  const { locale } = useLocale();
  // What keeps each of the desk's own procedures (a built-in one is never removed).
  const uses = useProcedureUses(procedures.filter((p) => !BUILT_IN_PROCEDURE_IDS.has(p.id)).map((p) => p.id));

  // The copy is stored only when it is saved: Cancel, or leaving Settings, leaves nothing behind.
  const copy = async (id: string) =>
    setEditing({
      procedure: await draftCopy(db(), id, (name) => t('procedures.copyName', { name })),
      inUse: null,
      draft: true,
    });
  const edit = async (p: Procedure) =>
    setEditing({ procedure: p, inUse: await lastCaseFollowing(db(), p), draft: false });
  const remove = async (p: Procedure) => {
    try {
      await removeProcedure(db(), p.id);
      notifications.show({ color: 'teal', title: t('procedures.removed'), message: p.name });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('procedures.notRemoved'),
        message: error instanceof ProcedureRemovalError ? removalRefusalIn(t, locale, error) : errorIn(t, error),
      });
    }
  };
  const retire = async (p: Procedure, on: string | null) => {
    try {
      await retireProcedure(db(), p.id, on);
      notifications.show({
        color: 'teal',
        title: t(on ? 'procedures.retiredDone' : 'procedures.reinstated'),
        message: p.name,
      });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t(on ? 'procedures.notRetired' : 'procedures.notReinstated'),
        message: error instanceof ProcedureRetirementError ? retirementRefusalIn(t, locale, error) : errorIn(t, error),
      });
    }
  };
  const confirmRemove = (p: Procedure) =>
    openConfirm({
      title: t('procedures.removeTitle', { name: p.name }),
      children: <Text size="sm">{t('procedures.removeText')}</Text>,
      labels: { confirm: t('procedures.removeConfirm'), cancel: t('procedures.removeKeep') },
      confirmProps: { color: 'red' },
      onConfirm: () => void remove(p),
    });
  const save = async (p: Procedure) => {
    try {
      const saved = await saveProcedure(db(), p);
      notifications.show({
        color: 'teal',
        title: t('procedures.saved'),
        message: t(saved.newVersion ? 'procedures.savedNewVersion' : 'procedures.savedVersion', {
          name: saved.procedure.name,
          version: saved.procedure.version,
          date: formatDate(saved.procedure.effectiveFrom),
        }),
      });
      close(saved.procedure.id);
      setOpened((o) => [...new Set([...o, saved.procedure.id])]);
      return null;
    } catch (error) {
      if (error instanceof ProcedureSaveError)
        return {
          field: error.field,
          message: error.refusal ? refusalIn(t, error.refusal) : procedureIssueIn(t, error),
        };
      throw error;
    }
  };
  const importFile = async (file: File | null) => {
    setImportProblem(null);
    if (!file) return;
    const read = readProcedureFile(await file.text());
    if (!read.ok) return setImportProblem(procedureProblemIn(t, read.said));
    try {
      const added = await importProcedure(db(), read.procedure);
      notifications.show({ color: 'teal', title: t('procedures.imported'), message: added.name });
    } catch (error) {
      setImportProblem(error instanceof ProcedureSaveError ? procedureIssueIn(t, error) : errorIn(t, error));
    }
  };

  if (editing) {
    return (
      <Paper component="section" withBorder radius="md" p="md" aria-labelledby="settings-procedure-editor">
        <Title order={2} size="h4" id="settings-procedure-editor" mb="sm" ref={editorTitle} tabIndex={-1}>
          {t('procedures.editTitle', { name: editing.procedure.name, version: editing.procedure.version })}
        </Title>
        <ProcedureEditor
          key={`${editing.procedure.id}@${editing.procedure.version}`}
          procedure={editing.procedure}
          inUse={editing.inUse}
          draft={editing.draft}
          today={today}
          onSave={save}
          onCancel={() => close(editing.procedure.id)}
        />
      </Paper>
    );
  }

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="settings-procedures">
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h4" id="settings-procedures" ref={listTitle} tabIndex={-1}>
          {t('procedures.title')}
        </Title>
        <FileButton onChange={(f) => void importFile(f)} accept="application/json,.json">
          {(props) => (
            <Button variant="default" size="xs" {...props}>
              {t('procedures.import')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('procedures.intro')}
      </Text>
      {importProblem && (
        <Alert color="red" variant="light" role="alert" mb="sm" title={t('procedures.notImported')}>
          {importProblem}
        </Alert>
      )}
      {installProblem && (
        <Alert color="red" variant="light" mb="sm" title={t('procedures.notReadable')}>
          {installProblem}
        </Alert>
      )}
      <Accordion variant="separated" radius="sm" multiple value={opened} onChange={setOpened}>
        {procedures.map((p) => {
          const builtIn = BUILT_IN_PROCEDURE_IDS.has(p.id);
          const versions = procedureVersions(p.id, deskProcedures());
          const use = uses?.get(p.id);
          const retiredOn = rows && procedureRetiredOn(rows, p.id);
          // Retire where removal is refused (the procedure's cases need it, or the desk shares with a team) and
          // nothing that takes new cases needs it; an unused procedure at a single desk is removed as before.
          const mayRetire = !builtIn && !retiredOn && use && !keepsFromRetiring(use) && (isInUse(use) || db().sharing);
          return (
            <Accordion.Item key={p.id} value={p.id}>
              <Accordion.Control data-procedure-control={p.id}>
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {p.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('procedures.summary', {
                      version: p.version,
                      stages: p.stages.length,
                      country: p.provider.country,
                    })}
                  </Text>
                  <Badge size="xs" variant="light" color={builtIn ? 'gray' : 'teal'} tt="none">
                    {builtIn ? t('procedures.builtIn') : t('procedures.own')}
                  </Badge>
                  {p.id === defaultProcedureId && (
                    <Badge size="xs" variant="light" tt="none">
                      {t('procedures.default')}
                    </Badge>
                  )}
                  {retiredOn && (
                    <Badge size="xs" variant="light" color="gray" tt="none">
                      {t('procedures.retiredBadge', { date: formatDate(retiredOn) })}
                    </Badge>
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Group gap="xs" mb="sm">
                  <Button size="xs" variant="default" onClick={() => void copy(p.id)}>
                    {t('procedures.copy', { name: p.name })}
                  </Button>
                  {!builtIn && (
                    <Button size="xs" onClick={() => void edit(p)}>
                      {t('procedures.edit', { name: p.name })}
                    </Button>
                  )}
                  <Button size="xs" variant="subtle" onClick={() => void exportProcedure(t, p)}>
                    {t('procedures.export')}
                  </Button>
                  {!builtIn && use && !isInUse(use) && !db().sharing && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => confirmRemove(p)}>
                      {t('procedures.remove', { name: p.name })}
                    </Button>
                  )}
                  {mayRetire && (
                    <Button size="xs" variant="subtle" onClick={() => void retire(p, today)}>
                      {t('procedures.retire', { name: p.name })}
                    </Button>
                  )}
                  {retiredOn && (
                    <Button size="xs" variant="subtle" onClick={() => void retire(p, null)}>
                      {t('procedures.reinstate', { name: p.name })}
                    </Button>
                  )}
                </Group>
                {retiredOn && (
                  <Text size="xs" c="dimmed" mb="xs">
                    {t('procedures.retiredText', { date: formatDate(retiredOn) })}
                  </Text>
                )}
                {!builtIn && use && (isInUse(use) || (db().sharing && !retiredOn)) && (
                  <Text size="xs" c="dimmed" mb="xs">
                    {isInUse(use) ? usedByIn(t, locale, use) : t('procedures.teamNoRemove')}
                  </Text>
                )}
                {!builtIn && !retiredOn && use && keepsFromRetiring(use) && (
                  <Text size="xs" c="dimmed" mb="xs">
                    {t('procedures.retireBlocked', { uses: retireUsesIn(t, locale, use) })}
                  </Text>
                )}
                {versions.length > 1 && (
                  <Text size="xs" c="dimmed" mb="xs">
                    {t('procedures.versions', {
                      list: versions
                        .map((v) =>
                          v.effectiveFrom
                            ? t('procedures.versionFrom', { version: v.version, date: formatDate(v.effectiveFrom) })
                            : t('procedures.versionFromStart', { version: v.version }),
                        )
                        .join(' · '),
                    })}
                  </Text>
                )}
                <ProcedureDetails p={p} today={today} />
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      {rows === undefined && (
        <Text size="xs" c="dimmed">
          {t('procedures.reading')}
        </Text>
      )}
    </Paper>
  );
}
