// About Redress: the app's name and version, what it runs on (Electron and Chromium on the desktop, the browser in
// web mode), and the licences and attributions of everything bundled with it, code, fonts and data alike. The list
// is generated from node_modules by `npm run licences` (build/licences.mjs) and loaded only when the box opens.
// Opened from Help → About Redress in the desktop menu (app/MenuCommands.tsx) or the link under the navigation.
import { technicalDetail, type Translate, useT } from '#lib/i18n/index';
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

function whatFor(t: Translate, entry: LicenceEntry): string {
  if (entry.usedFor) return entry.usedFor;
  if (entry.usedBy.includes('desktop shell') && !entry.usedBy.includes('app')) return t('about.desktopShell');
  const inside = entry.usedBy.find((u) => u.startsWith('app (inside '));
  if (inside && !entry.usedBy.includes('app'))
    return t('about.partOf', { name: inside.slice('app (inside '.length, -1) });
  return '';
}

function Licences({ list }: { list: LicenceList }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterLicences(list.packages, query), [list, query]);
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="end">
        <Title order={4}>{t('about.thirdParty')}</Title>
        <Text size="xs" c="dimmed">
          {t('about.components', { count: list.packages.length })}
        </Text>
      </Group>
      <Text size="sm">{t('about.intro')}</Text>
      <TextInput
        size="xs"
        aria-label={t('about.filter')}
        placeholder={t('about.filterPlaceholder')}
        leftSection={<IconSearch size={14} />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      {/* A plain scrolling box: Mantine's ScrollArea lays its content out as a table, which the long licence lines widen. */}
      <Box mah={360} style={{ overflowY: 'auto', overflowX: 'hidden' }} aria-label={t('about.licences')} role="region">
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
                  {whatFor(t, entry) && <Text size="xs">{whatFor(t, entry)}</Text>}
                  {entry.author && (
                    <Text size="xs" c="dimmed">
                      {t('about.by', { author: entry.author })}
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
                    {entry.licenceText || t('about.licensedUnder', { licence: entry.license })}
                  </Text>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        {shown.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            {t('about.noMatch', { query })}
          </Text>
        )}
      </Box>
    </Stack>
  );
}

export function AboutDialog() {
  const isOpen = useSyncExternalStore(subscribe, () => opened);
  const t = useT();
  const [list, setList] = useState<LicenceList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!isOpen || list) return;
    loadLicences().then(setList, (e: unknown) => setError(technicalDetail(e)));
  }, [isOpen, list]);
  const api = platform();
  const versions = api.versions;

  return (
    <Modal
      opened={isOpen}
      onClose={() => setOpened(false)}
      title={<Title order={3}>{t('about.title')}</Title>}
      size="lg"
      centered
    >
      <Stack gap="md">
        <Stack gap={2}>
          <Text size="lg" fw={600} c="teal.8" data-testid="about-version">
            {t('about.version', { version: list ? list.app.version : '' })}
          </Text>
          <Text size="sm">{t('about.tagline')}</Text>
          <Text size="sm" c="dimmed" data-testid="about-runtime">
            {api.kind === 'desktop'
              ? versions
                ? t('about.desktopVersions', {
                    electron: versions.electron,
                    chrome: versions.chrome,
                    node: versions.node,
                  })
                : t('about.desktop')
              : t('about.web')}
          </Text>
        </Stack>
        {error ? (
          <Text c="red" size="sm" role="alert">
            {t('about.notLoaded', { error })}
          </Text>
        ) : list ? (
          <Licences list={list} />
        ) : (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t('about.loading')}</Text>
          </Group>
        )}
        {api.kind === 'desktop' && (
          <Text size="xs" c="dimmed">
            {t('about.chromium')}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}

/** The link under the navigation that opens the box. */
export function AboutLink() {
  const t = useT();
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
      {t('about.link')}
    </Anchor>
  );
}
