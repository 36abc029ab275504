// Settings → Procedures: every procedure Redress knows, with its stages, owners and targets. Viewing only; editing
// comes later.
import { Accordion, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { CHANNEL_LABELS, type Channel } from '#shared/model/case';
import {
  describeDuration,
  getAdrScheme,
  getRegime,
  listProcedures,
  type Procedure,
  type Target,
} from '#shared/rules/index';

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

export function ProceduresView({ today, defaultProcedureId }: { today: string; defaultProcedureId?: string }) {
  const procedures = listProcedures();
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="settings-procedures">
      <Title order={3} size="h4" id="settings-procedures">
        Procedures
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The complaints procedures Redress knows: each one's stages, who owns them and their targets. Viewing only.
      </Text>
      <Accordion variant="separated" radius="sm" multiple>
        {procedures.map((p) => (
          <Accordion.Item key={p.id} value={p.id}>
            <Accordion.Control>
              <Group gap="xs">
                <Text size="sm" fw={500}>
                  {p.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {p.stages.length} stages · {p.provider.country === 'CA' ? 'Canada' : 'UK'}
                </Text>
                {p.id === defaultProcedureId && (
                  <Badge size="xs" variant="light" tt="none">
                    this desk's default
                  </Badge>
                )}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <ProcedureDetails p={p} today={today} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Paper>
  );
}
