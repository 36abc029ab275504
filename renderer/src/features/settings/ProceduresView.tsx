// Settings → Procedures: every procedure Redress knows, with its stages, owners and targets (issue #16). The built-in
// ones (the five providers' and the Ofcom baseline) are read-only: a desk copies one, then edits its copy
// (./ProcedureEditor.tsx); editing a procedure cases follow makes a new version with an effective date. A procedure is
// exported to and imported from a JSON file, checked like a backup (nothing is changed by a bad file).
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
import { useState } from 'react';
import { CHANNEL_LABELS, type CalendarId, type Channel } from '#shared/model/case';
import {
  BUILT_IN_PROCEDURE_IDS,
  describeDuration,
  getAdrScheme,
  getRegime,
  listProcedures,
  type Procedure,
  procedureFile,
  procedureVersions,
  deskProcedures,
  readProcedureFile,
  type Target,
} from '#shared/rules/index';
import { useProcedureRows } from '#db/hooks';
import { storedProceduresProblem } from '#db/desk';
import {
  copyProcedure,
  importProcedure,
  lastCaseFollowing,
  ProcedureSaveError,
  saveProcedure,
} from '#db/repositories/procedures';
import { db } from '#db/schema';
import { platform } from '#platform';
import { formatDate } from '#lib/format';
import { ProcedureEditor } from './ProcedureEditor';

function target(t: Target | undefined): string {
  if (!t) return '—';
  return `${describeDuration(t)}: ${t.what}`;
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function ProcedureDetails({ p, today }: { p: Procedure; today: string }) {
  const byChannel = Object.entries(p.firstResponse.byChannel ?? {}) as Array<[Channel, Target]>;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {p.source} · version {p.version} · regime: {safe(() => getRegime(p.regimeId).name) ?? p.regimeId} · ADR scheme:{' '}
        {safe(() => getAdrScheme(p.adrSchemeId, today).name) ?? p.adrSchemeId}
      </Text>
      <Group gap="xl" align="flex-start">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Acknowledgement
          </Text>
          <Text size="sm">{target(p.acknowledgement)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            First response
          </Text>
          <Text size="sm">{target(p.firstResponse.default)}</Text>
          {byChannel.map(([channel, t]) => (
            <Text size="sm" key={channel}>
              {CHANNEL_LABELS[channel]}: {target(t)}
            </Text>
          ))}
        </div>
      </Group>
      <Table aria-label={`Stages of ${p.name}`} withTableBorder verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={30}>#</Table.Th>
            <Table.Th>Stage</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Target</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.stages.map((s, i) => (
            <Table.Tr key={s.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                {s.name}
                {s.external && (
                  <Badge ml={6} size="xs" variant="light" color="gray" tt="none">
                    outside the provider
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{s.owner}</Table.Td>
              <Table.Td>{target(s.target)}</Table.Td>
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

async function exportProcedure(p: Procedure): Promise<void> {
  const result = await platform().saveFile({
    suggestedName: `${p.id}-v${p.version}.redress-procedure.json`,
    mimeType: 'application/json',
    data: utf8.encode(`${JSON.stringify(procedureFile(p), null, 2)}\n`),
  });
  if (!result.ok) notifications.show({ color: 'red', title: 'Procedure not exported', message: result.error });
}

export function ProceduresView({
  today,
  defaultProcedureId,
  deskCalendar,
}: {
  today: string;
  defaultProcedureId?: string;
  deskCalendar: CalendarId;
}) {
  // Re-read when the desk's procedures change (the hook installs them as the rules').
  const rows = useProcedureRows();
  const procedures = listProcedures();
  const [editing, setEditing] = useState<{ procedure: Procedure; inUse: string | null } | null>(null);
  const [opened, setOpened] = useState<string[]>([]);
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const installProblem = storedProceduresProblem();

  const copy = async (id: string) => {
    const made = await copyProcedure(db(), id);
    notifications.show({ color: 'teal', title: 'Procedure copied', message: `${made.name}: edit it below.` });
    setEditing({ procedure: made, inUse: null });
  };
  const edit = async (p: Procedure) => setEditing({ procedure: p, inUse: await lastCaseFollowing(db(), p) });
  const save = async (p: Procedure) => {
    try {
      const saved = await saveProcedure(db(), p);
      notifications.show({
        color: 'teal',
        title: 'Procedure saved',
        message: saved.newVersion
          ? `${saved.procedure.name} v${saved.procedure.version}, for complaints received from ${formatDate(saved.procedure.effectiveFrom)}.`
          : `${saved.procedure.name} v${saved.procedure.version}.`,
      });
      setEditing(null);
      setOpened((o) => [...new Set([...o, saved.procedure.id])]);
      return null;
    } catch (error) {
      if (error instanceof ProcedureSaveError) return { field: error.field, message: error.message };
      throw error;
    }
  };
  const importFile = async (file: File | null) => {
    setImportProblem(null);
    if (!file) return;
    const read = readProcedureFile(await file.text());
    if (!read.ok) return setImportProblem(read.message);
    try {
      const added = await importProcedure(db(), read.procedure);
      notifications.show({ color: 'teal', title: 'Procedure imported', message: added.name });
    } catch (error) {
      setImportProblem(error instanceof Error ? error.message : String(error));
    }
  };

  if (editing) {
    return (
      <Paper component="section" withBorder radius="md" p="md" aria-labelledby="settings-procedure-editor">
        <Title order={3} size="h4" id="settings-procedure-editor" mb="sm">
          Edit {editing.procedure.name} (v{editing.procedure.version})
        </Title>
        <ProcedureEditor
          key={`${editing.procedure.id}@${editing.procedure.version}`}
          procedure={editing.procedure}
          inUse={editing.inUse}
          today={today}
          deskCalendar={deskCalendar}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      </Paper>
    );
  }

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="settings-procedures">
      <Group justify="space-between" align="flex-start">
        <Title order={3} size="h4" id="settings-procedures">
          Procedures
        </Title>
        <FileButton onChange={(f) => void importFile(f)} accept="application/json,.json">
          {(props) => (
            <Button variant="default" size="xs" {...props}>
              Import a procedure…
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        The complaints procedures Redress knows: each one's stages, who owns them and their targets. The built-in ones
        are read-only: copy one to make the desk's own, then edit it. A case follows the version in force on the day it
        was received.
      </Text>
      {importProblem && (
        <Alert color="red" variant="light" role="alert" mb="sm" title="Procedure not imported">
          {importProblem}
        </Alert>
      )}
      {installProblem && (
        <Alert color="red" variant="light" mb="sm" title="The desk's own procedures could not be read">
          {installProblem}
        </Alert>
      )}
      <Accordion variant="separated" radius="sm" multiple value={opened} onChange={setOpened}>
        {procedures.map((p) => {
          const builtIn = BUILT_IN_PROCEDURE_IDS.has(p.id);
          const versions = procedureVersions(p.id, deskProcedures());
          return (
            <Accordion.Item key={p.id} value={p.id}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {p.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    v{p.version} · {p.stages.length} stages · {p.provider.country === 'CA' ? 'Canada' : 'UK'}
                  </Text>
                  <Badge size="xs" variant="light" color={builtIn ? 'gray' : 'teal'} tt="none">
                    {builtIn ? 'built-in, read-only' : 'the desk’s own'}
                  </Badge>
                  {p.id === defaultProcedureId && (
                    <Badge size="xs" variant="light" tt="none">
                      this desk's default
                    </Badge>
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Group gap="xs" mb="sm">
                  <Button size="xs" variant="default" onClick={() => void copy(p.id)}>
                    Copy {p.name}
                  </Button>
                  {!builtIn && (
                    <Button size="xs" onClick={() => void edit(p)}>
                      Edit {p.name}
                    </Button>
                  )}
                  <Button size="xs" variant="subtle" onClick={() => void exportProcedure(p)}>
                    Export
                  </Button>
                </Group>
                {versions.length > 1 && (
                  <Text size="xs" c="dimmed" mb="xs">
                    Versions:{' '}
                    {versions
                      .map(
                        (v) =>
                          `v${v.version} ${v.effectiveFrom ? `from ${formatDate(v.effectiveFrom)}` : 'from the start'}`,
                      )
                      .join(' · ')}
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
          Reading the desk's procedures…
        </Text>
      )}
    </Paper>
  );
}
