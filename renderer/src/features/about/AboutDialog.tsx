// About Redress: the app's name and version, what it runs on (Electron and Chromium on the desktop, the browser in
// web mode), and the licences and attributions of everything bundled with it, code, fonts and data alike. The list
// is generated from node_modules by `npm run licences` (build/licences.mjs) and loaded only when the box opens.
// Opened from Help → About Redress in the desktop menu (app/MenuCommands.tsx) or the link under the navigation.
import { Accordion, Anchor, Badge, Box, Group, Loader, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { platform } from '#platform';

export interface LicenceEntry {
  name: string;
  version: string;
  license: string;
  author?: string;
  url?: string;
  usedBy: string[];
  usedFor?: string;
  /** Where the text came from (the package's LICENSE/NOTICE files, or the font's name table). */
  licenceFiles: string[];
  licenceText: string;
}
export interface LicenceList {
  app: { name: string; version: string; description?: string; copyright?: string };
  packages: LicenceEntry[];
}

// One About box for the whole app: a tiny store, so the menu and a link can both open it.
let opened = false;
const subscribers = new Set<() => void>();
const setOpened = (value: boolean) => {
  opened = value;
  for (const notify of subscribers) notify();
};
export const openAbout = () => setOpened(true);
const subscribe = (notify: () => void) => {
  subscribers.add(notify);
  return () => subscribers.delete(notify);
};

/** Load the generated list (a separate chunk: ~140 kB of licence texts the app needs only here). */
export async function loadLicences(): Promise<LicenceList> {
  return (await import('./third-party-licences')).default;
}

/** Filter by package name or licence. */
export function filterLicences(entries: LicenceEntry[], query: string): LicenceEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return entries;
  return entries.filter((e) => e.name.toLowerCase().includes(q) || e.license.toLowerCase().includes(q));
}

function whatFor(entry: LicenceEntry): string {
  if (entry.usedFor) return entry.usedFor;
  if (entry.usedBy.includes('desktop shell') && !entry.usedBy.includes('app')) return 'The desktop shell.';
  const inside = entry.usedBy.find((u) => u.startsWith('app (inside '));
  if (inside && !entry.usedBy.includes('app'))
    return `Part of ${inside.slice('app (inside '.length, -1)}'s bundle (letters and PDFs).`;
  return '';
}

function Licences({ list }: { list: LicenceList }) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterLicences(list.packages, query), [list, query]);
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="end">
        <Title order={4}>Third-party software, fonts and data</Title>
        <Text size="xs" c="dimmed">
          {list.packages.length} components
        </Text>
      </Group>
      <Text size="sm">
        Redress includes the following open-source components. Each is used under its licence, reproduced here. The
        bank-holiday calendars are computed from the date-holidays data (CC BY-SA 3.0, sources listed in its entry).
      </Text>
      <TextInput
        size="xs"
        aria-label="Filter the components"
        placeholder="Filter by name or licence"
        leftSection={<IconSearch size={14} />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      {/* A plain scrolling box: Mantine's ScrollArea lays its content out as a table, which the long licence lines widen. */}
      <Box mah={360} style={{ overflowY: 'auto', overflowX: 'hidden' }} aria-label="Licences" role="region">
        <Accordion variant="contained" chevronPosition="left" multiple={false}>
          {shown.map((entry) => (
            <Accordion.Item key={`${entry.name}@${entry.version}`} value={`${entry.name}@${entry.version}`}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={500} truncate miw={0}>
                    {entry.name}{' '}
                    <Text span size="xs" c="dimmed">
                      {entry.version}
                    </Text>
                  </Text>
                  <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
                    {entry.license}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap={6}>
                  {whatFor(entry) && <Text size="xs">{whatFor(entry)}</Text>}
                  {entry.author && (
                    <Text size="xs" c="dimmed">
                      By {entry.author}
                    </Text>
                  )}
                  {entry.url && (
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                      {entry.url}
                    </Text>
                  )}
                  <Text
                    component="pre"
                    size="xs"
                    ff="monospace"
                    style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}
                  >
                    {entry.licenceText ||
                      `Licensed under ${entry.license} (the package ships no separate licence file).`}
                  </Text>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        {shown.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            No component matches “{query}”.
          </Text>
        )}
      </Box>
    </Stack>
  );
}

export function AboutDialog() {
  const isOpen = useSyncExternalStore(subscribe, () => opened);
  const [list, setList] = useState<LicenceList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!isOpen || list) return;
    loadLicences().then(setList, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [isOpen, list]);
  const api = platform();
  const versions = api.versions;

  return (
    <Modal
      opened={isOpen}
      onClose={() => setOpened(false)}
      title={<Title order={3}>About Redress</Title>}
      size="lg"
      centered
    >
      <Stack gap="md">
        <Stack gap={2}>
          <Text size="lg" fw={600} c="teal.8" data-testid="about-version">
            Redress {list ? list.app.version : ''}
          </Text>
          <Text size="sm">Complaint case management for the complaint desks of communications providers.</Text>
          <Text size="sm" c="dimmed" data-testid="about-runtime">
            {api.kind === 'desktop'
              ? versions
                ? `Desktop app · Electron ${versions.electron} · Chromium ${versions.chrome} · Node ${versions.node}`
                : 'Desktop app'
              : 'Web mode, running in this browser. Everything stays in this browser on this computer.'}
          </Text>
        </Stack>
        {error ? (
          <Text c="red" size="sm" role="alert">
            The list of licences could not be loaded: {error}
          </Text>
        ) : list ? (
          <Licences list={list} />
        ) : (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">Loading the licences…</Text>
          </Group>
        )}
        {api.kind === 'desktop' && (
          <Text size="xs" c="dimmed">
            Chromium’s own licences are in LICENSES.chromium.html in the app’s folder.
          </Text>
        )}
      </Stack>
    </Modal>
  );
}

/** The link under the navigation that opens the box. */
export function AboutLink() {
  return (
    <Anchor
      component="button"
      type="button"
      size="xs"
      c="dimmed"
      mt="auto"
      px="sm"
      py={6}
      ta="left"
      onClick={openAbout}
    >
      About Redress
    </Anchor>
  );
}
