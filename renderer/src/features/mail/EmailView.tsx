// An email shown inside the app (issue #18): sender, recipients, date, subject, the body (HTML sanitised with no
// remote content, or the plain text), and its attachments, each downloadable with its exact bytes; an attached email
// opens in this same view.
import { Anchor, Badge, Box, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { MailAddress, MailAttachment, ParsedEmail } from '#shared/mail/parse';
import { formatTimestamp } from '#lib/format';
import { sanitiseEmailHtml } from './sanitise';
import { fileSizeIn, useT } from '#lib/i18n/index';

const address = (a: MailAddress) => (a.name ? `${a.name} <${a.address}>` : a.address);

function toDataUrl(a: MailAttachment): string {
  let binary = '';
  for (let i = 0; i < a.bytes.length; i += 8192) binary += String.fromCharCode(...a.bytes.subarray(i, i + 8192));
  return `data:${a.mime};base64,${btoa(binary)}`;
}

/** Save an attachment's exact bytes under its name. */
export function downloadBytes(fileName: string, mime: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function EmailView({ email }: { email: ParsedEmail }) {
  // An attached email opens here; "Back" returns to the one it is attached to.
  const t = useT();
  const [trail, setTrail] = useState<ParsedEmail[]>([]);
  const shown = trail.at(-1) ?? email;
  return (
    <Stack gap="sm" data-testid="email-view">
      {trail.length > 0 && (
        <Group gap="xs">
          <Button variant="subtle" size="xs" onClick={() => setTrail((all) => all.slice(0, -1))}>
            {t('email.back')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('email.attached')}
          </Text>
        </Group>
      )}
      <OneEmail key={trail.length} email={shown} onOpen={(m) => setTrail((t) => [...t, m])} />
    </Stack>
  );
}

function OneEmail({ email, onOpen }: { email: ParsedEmail; onOpen: (message: ParsedEmail) => void }) {
  const t = useT();
  const [mode, setMode] = useState<'html' | 'text'>(email.html ? 'html' : 'text');
  const safeHtml = useMemo(() => {
    if (!email.html) return '';
    const images = new Map<string, string>();
    for (const a of email.attachments) {
      if (a.contentId && a.mime.startsWith('image/')) images.set(a.contentId, toDataUrl(a));
    }
    return sanitiseEmailHtml(email.html, images);
  }, [email]);
  const listed = email.attachments.filter((a) => !a.inline || !a.mime.startsWith('image/'));
  return (
    <Stack gap="sm">
      <Title order={3} fz="h4">
        {email.subject || t('email.noSubject')}
      </Title>
      <Table withRowBorders={false} verticalSpacing={2} fz="sm" aria-label={t('email.details')}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={70}>{t('email.from')}</Table.Th>
            <Table.Td>{email.from ? address(email.from) : t('email.notGiven')}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('email.to')}</Table.Th>
            <Table.Td>{email.to.map(address).join(', ') || t('email.notGiven')}</Table.Td>
          </Table.Tr>
          {email.cc.length > 0 && (
            <Table.Tr>
              <Table.Th>{t('email.cc')}</Table.Th>
              <Table.Td>{email.cc.map(address).join(', ')}</Table.Td>
            </Table.Tr>
          )}
          <Table.Tr>
            <Table.Th>{t('email.date')}</Table.Th>
            <Table.Td>{email.date ? formatTimestamp(email.date) : t('email.notGiven')}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {email.html && (
        <SegmentedControl
          size="xs"
          w="fit-content"
          value={mode}
          onChange={(v) => setMode(v as 'html' | 'text')}
          data={[
            { value: 'html', label: t('email.asSent') },
            { value: 'text', label: t('email.plainText') },
          ]}
          aria-label={t('email.showBody')}
        />
      )}
      {mode === 'html' && email.html ? (
        <Box
          className="email-body"
          data-testid="email-body"
          p="sm"
          bd="1px solid var(--mantine-color-gray-3)"
          style={{ borderRadius: 4, overflowWrap: 'anywhere', maxHeight: '60vh', overflow: 'auto' }}
          dangerouslySetInnerHTML={{ __html: safeHtml }}
        />
      ) : (
        <Box
          component="pre"
          data-testid="email-body"
          p="sm"
          m={0}
          bd="1px solid var(--mantine-color-gray-3)"
          style={{
            borderRadius: 4,
            whiteSpace: 'pre-wrap',
            fontFamily: 'inherit',
            maxHeight: '60vh',
            overflow: 'auto',
          }}
        >
          {email.text || t('email.noText')}
        </Box>
      )}
      {listed.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('email.attachedCount', { count: listed.length })}
          </Text>
          <Table fz="sm" aria-label={t('email.attachedTable')}>
            <Table.Tbody>
              {listed.map((a, i) => (
                <Table.Tr key={`${i}-${a.fileName}`}>
                  <Table.Td>
                    {a.message ? (
                      <Anchor component="button" type="button" onClick={() => onOpen(a.message!)}>
                        {a.fileName}
                      </Anchor>
                    ) : (
                      a.fileName
                    )}{' '}
                    {a.message && (
                      <Badge size="xs" variant="light">
                        {t('email.badge')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td c="dimmed">{fileSizeIn(t, a.bytes.length)}</Table.Td>
                  <Table.Td ta="right">
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {a.message && (
                        <Button size="compact-xs" variant="light" onClick={() => onOpen(a.message!)}>
                          {t('email.open')}
                        </Button>
                      )}
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => downloadBytes(a.fileName, a.mime, a.bytes)}
                        aria-label={t('email.downloadName', { name: a.fileName })}
                      >
                        {t('email.download')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
