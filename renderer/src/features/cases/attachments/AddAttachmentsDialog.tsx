// Add files to a case: every picked or dropped file listed, each with what it is (from its bytes) and a choice of
// kind and a note; a refused file shows its reason and is simply not added (nothing else is lost).
import { Alert, Badge, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { Select } from '#ui/Select';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_NOTE, type AttachmentKind } from '#shared/model/attachment';
import { attachmentRefusalIn, errorDetailIn, errorIn, fileSizeIn, type MessageKey, useT } from '#lib/i18n/index';
import type { AttachmentRefusalSaying } from '#shared/files/refusals';
import { addAttachments } from '#db/repositories/attachments';
import { logEmailContact } from '#db/repositories/email-contact';
import { db } from '#db/schema';
import { deskTimeZone, todayIso } from '#lib/today';
import { formatDate } from '#lib/format';
import { isFromAddress } from '#shared/mail/intake';
import type { MailAddress } from '#shared/mail/parse';
import { checkPickedFiles, emailSender, likelyKind, type PickedFile } from './files';

interface Choice {
  kind: AttachmentKind;
  note: string;
  /** An email: also record it as a contact from the customer (a 'log-contact' entry). */
  contact?: boolean;
  /** An email not sent from the customer's address on file: who sent it (said, and `contact` not ticked for it). */
  notFromCustomer?: MailAddress;
}

/** How a sender is named: "Zoë O'Brien <zoe@example.co.uk>", or the address alone. */
const senderLabel = (a: MailAddress) => (a.name ? `${a.name} <${a.address}>` : a.address);

const isEmail = (p: PickedFile) => p.ok && (p.fileType === 'eml' || p.fileType === 'msg');

export function AddAttachmentsDialog({
  caseId,
  customerEmail,
  files,
  by,
  onClose,
}: {
  caseId: string;
  /** The customer's email address on file: an email from it is ticked to log as contact from the customer. */
  customerEmail: string | undefined;
  /** The files picked or dropped; null: closed. */
  files: File[] | null;
  by: string;
  onClose: () => void;
}) {
  const t = useT();
  const kindOptions = ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`model.attachmentKind.${k}`) }));
  const [picked, setPicked] = useState<PickedFile[] | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  // Refused when stored (e.g. already on the case): shown until the dialog is closed.
  const [refusedOnAdding, setRefusedOnAdding] = useState<{ fileName: string; said: AttachmentRefusalSaying }[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setPicked(null);
    setRefusedOnAdding([]);
    setError(null);
    if (!files) return;
    let live = true;
    void (async () => {
      const checked = await checkPickedFiles(files);
      // An email is logged as contact from the customer by default only when it came from the customer's address on
      // file; someone else's is said, and left unticked (explore39-letters #5: another person's email was recorded as
      // "The customer got in touch by email").
      const choices: Record<string, Choice> = {};
      for (const p of checked) {
        if (!p.ok) continue;
        const choice: Choice = { kind: likelyKind(p.fileType), note: '' };
        if (isEmail(p)) {
          const sender = await emailSender(p.file);
          choice.contact = isFromAddress(sender, [customerEmail]);
          if (!choice.contact && sender?.address) choice.notFromCustomer = sender;
        }
        choices[p.key] = choice;
      }
      if (!live) return;
      setPicked(checked);
      setChoices(choices);
    })();
    return () => {
      live = false;
    };
  }, [files, customerEmail]);

  const accepted = (picked ?? []).filter((p): p is Extract<PickedFile, { ok: true }> => p.ok);
  const set = (key: string, change: Partial<Choice>) => setChoices((c) => ({ ...c, [key]: { ...c[key], ...change } }));

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const outcomes = await addAttachments(
        db(),
        caseId,
        accepted.map((p) => ({
          fileName: p.file.name,
          bytes: p.file,
          kind: choices[p.key]!.kind,
          note: choices[p.key]!.note,
        })),
        by,
      );
      // An email the person marked as a contact: one 'log-contact' entry, after its attachment (which stays if the
      // contact is refused; the reason is shown).
      const contactProblems: string[] = [];
      const contacts: string[] = [];
      for (const [i, outcome] of outcomes.entries()) {
        const p = accepted[i]!;
        if (!outcome.ok || !choices[p.key]?.contact) continue;
        try {
          const event = await logEmailContact(
            db(),
            caseId,
            { fileName: p.file.name, bytes: p.file },
            {
              by,
              today: todayIso(),
              timeZone: deskTimeZone(),
              words: {
                noSubject: t('attachments.email.noSubject'),
                // The day as the timeline writes days ("Fri 4 Dec 2026"), not "2026-12-04" (explore39-letters #14).
                sent: (on) => t('attachments.email.sentOn', { on: formatDate(on) }),
              },
            },
          );
          contacts.push(event.summary);
        } catch (e) {
          contactProblems.push(`${p.file.name}: ${errorDetailIn(t, e)}`);
        }
      }
      if (contacts.length > 0)
        notifications.show({
          color: 'teal',
          title: t('attachments.email.contactLogged', { count: contacts.length }),
          message: contacts.join('\n'),
        });
      if (contactProblems.length > 0)
        notifications.show({
          color: 'red',
          title: t('attachments.email.contactNotLogged'),
          message: contactProblems.join('\n'),
          autoClose: false,
        });
      const added = outcomes.filter((o) => o.ok).length;
      if (added > 0)
        notifications.show({
          color: 'teal',
          title: t('attachments.fileAdded', { count: added }),
          message: t('attachments.onTimeline'),
        });
      const refused = outcomes.flatMap((o) => (o.ok ? [] : [{ fileName: o.fileName, said: o.said }]));
      if (refused.length > 0) {
        setRefusedOnAdding(refused);
        setPicked([]);
      } else onClose();
    } catch (e) {
      setError(errorIn(t, e));
    } finally {
      setBusy(false);
    }
  };

  const refused = (picked ?? []).filter((p): p is Extract<PickedFile, { ok: false }> => !p.ok);
  return (
    <Modal opened={files !== null} onClose={onClose} title={t('attachments.addTitle')} size="xl">
      <Stack gap="sm">
        {picked === null && <Text size="sm">{t('attachments.checking')}</Text>}
        {accepted.length > 0 && (
          <Table aria-label={t('attachments.filesToAdd')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('attachments.file')}</Table.Th>
                <Table.Th>{t('attachments.whatItIs')}</Table.Th>
                <Table.Th>{t('attachments.noteOptional')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accepted.map((p) => (
                <Table.Tr key={p.key} data-file={p.file.name}>
                  <Table.Td miw={150}>
                    {/* Broken only where a name cannot fit its column ("scan-lette / r.pdf" was broken anywhere). */}
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {p.file.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('attachments.typeAndSize', {
                        type: t(`model.fileType.${p.fileType}` as MessageKey),
                        size: fileSizeIn(t, p.file.size),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={190}>
                    <Select
                      aria-label={t('attachments.whatName', { name: p.file.name })}
                      data={kindOptions}
                      value={choices[p.key]?.kind ?? null}
                      allowDeselect={false}
                      onChange={(v) => v && set(p.key, { kind: v as AttachmentKind })}
                    />
                  </Table.Td>
                  <Table.Td miw={220}>
                    <TextInput
                      aria-label={t('attachments.noteOn', { name: p.file.name })}
                      maxLength={MAX_ATTACHMENT_NOTE}
                      value={choices[p.key]?.note ?? ''}
                      onChange={(e) => set(p.key, { note: e.currentTarget.value })}
                    />
                    {isEmail(p) && (
                      <Checkbox
                        mt="xs"
                        size="sm"
                        label={t('attachments.email.asContact')}
                        aria-label={t('attachments.email.asContactOn', { name: p.file.name })}
                        checked={choices[p.key]?.contact ?? false}
                        onChange={(e) => set(p.key, { contact: e.currentTarget.checked })}
                      />
                    )}
                    {isEmail(p) && choices[p.key]?.notFromCustomer && (
                      <Text size="xs" c="orange.9" mt={4} data-not-from-customer>
                        {t('attachments.email.notFromCustomer', {
                          sender: senderLabel(choices[p.key]!.notFromCustomer!),
                        })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {[...refused.map((p) => ({ fileName: p.file.name, said: p.said })), ...refusedOnAdding].map((r, i) => (
          <Alert
            key={`${i}-${r.fileName}`}
            color="red"
            variant="light"
            title={
              <Group gap={6}>
                <Badge color="red" variant="light" size="sm">
                  {t('attachments.notAdded')}
                </Badge>
                <span style={{ wordBreak: 'break-all' }}>{r.fileName}</span>
              </Group>
            }
            data-refused-file={r.fileName}
          >
            {attachmentRefusalIn(t, r.said)}
          </Alert>
        ))}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {accepted.length > 0 ? t('attachments.cancel') : t('attachments.close')}
          </Button>
          {accepted.length > 0 && (
            <Button onClick={() => void add()} loading={busy}>
              {t('attachments.addCount', { count: accepted.length })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
